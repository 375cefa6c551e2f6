"""The ticket view and its step dialogs, driven through real widgets."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from hotline_desktop.domain.vocabulary import Satisfaction, TicketStatus
from hotline_desktop.domain.workflow import Step
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import log_call
from hotline_desktop.store.models import Payment, Ticket
from hotline_desktop.ui.common.context import WindowContext
from hotline_desktop.ui.ticket.steps.unit_tree import UNIT_ID_ROLE
from hotline_desktop.ui.ticket.view import TicketView
from tests.calls import wage_call
from tests.failures import LOST, connection_lost

sqlite_only = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


@pytest.fixture
def ticket(env, staff):
    return log_call(env, staff.agent, wage_call(), create_ticket=True).ticket_id


@pytest.fixture
def open_view(qtbot, env):
    runners = []

    def open_view(actor, ticket_id, language="en", *, wait=True):
        context = WindowContext.create(env, actor, language)
        runners.append(context.tasks)
        view = TicketView(context)
        qtbot.addWidget(view)
        view.resize(1200, 720)
        view.show()
        view.show_ticket(ticket_id)
        if wait:
            wait_loaded(qtbot, view)
        return view

    yield open_view
    for runner in runners:
        runner.wait()  # no worker may outlive the database


def wait_loaded(qtbot, view, version=None):
    qtbot.waitUntil(
        lambda: (
            not view.is_loading()
            and view.detail is not None
            and (version is None or view.detail.version == version)
        )
    )


def buttons(view) -> list[str]:
    return [button.text() for button in view.step_buttons.values()]


def submit(qtbot, dialog):
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)


def message_box(qtbot, parent) -> QMessageBox:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox) is not None)
    return parent.findChild(QMessageBox)


@sqlite_only
def test_the_buttons_are_the_steps_the_signed_in_user_may_take(
    qtbot, env, staff, ticket, open_view
):
    dispatcher = open_view(staff.dispatcher, ticket)
    assert dispatcher.number_label.text() == "20260929-00001"
    assert dispatcher.status_label.text() == "Awaiting dispatch"
    assert buttons(dispatcher) == [
        "Dispatch", "Handle in office", "Send to mediation", "Merge into another ticket",
    ]  # fmt: skip
    # Created, then flagged by the risk rules: 13 workers (众) and 600,000 yuan (大).
    assert dispatcher.timeline.rowCount() == 3
    assert dispatcher.timeline.item(1, 2).text() == "Flag a risk"
    assert dispatcher.timeline.item(1, 4).text() == "Many workers · number of workers v1"
    # Each row names the item it added, not those before it.
    assert dispatcher.timeline.item(2, 4).text() == "Large sum or impact · amount involved v1"
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    handler = open_view(staff.xian, ticket)
    assert list(handler.step_buttons) == [Step.SIGN, Step.RETURN]
    assert handler.time_label.text() == "Sign within 1 h 0 min"
    assert handler.timeline.item(3, 3).text() == "Awaiting dispatch → Dispatched"
    assert handler.timeline.item(3, 4).text() == "Xi'an Federation of Trade Unions (Lead)"
    assert open_view(staff.agent, ticket).step_buttons == {}


def test_dispatch_sign_complete_with_a_payment_and_call_back(
    qtbot, env, staff, clock, ticket, open_view
):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.DISPATCH)
    tree = dialog.tree
    tree.filter.insert("雁塔区总")  # as an input method commits it: QTest types ASCII only
    qtbot.keyClick(tree.filter, Qt.Key_Return)  # to the first unit found
    assert tree.view.currentIndex().data() == "Yanta District Federation of Trade Unions, Xi'an"
    qtbot.keyClick(tree.view, Qt.Key_Return)  # makes it the lead
    tree.filter.clear()
    qtbot.keyClicks(tree.filter, "human resources")
    qtbot.keyClick(tree.filter, Qt.Key_Down)
    qtbot.keyClick(tree.view, Qt.Key_Space)  # ticks the co-handling unit
    assert [item.text() for item in tree.co_units()] == [
        "Shaanxi Provincial Department of Human Resources and Social Security"
    ]
    assert "Yanta" in dialog.summary.text()
    dialog.note.insertPlainText("请尽快核实")
    with qtbot.waitSignal(view.ticket_changed) as changed:
        submit(qtbot, dialog)
    assert changed.args == [ticket]
    wait_loaded(qtbot, view, version=2)
    assert view.status_label.text() == "Dispatched"
    assert view.dialog is None

    clock.set(datetime(2026, 9, 29, 9, 20))
    handler = open_view(staff.yanta, ticket)
    sign = handler.open_step(Step.SIGN)
    submit(qtbot, sign)
    wait_loaded(qtbot, handler, version=3)
    assert Step.COMPLETE in handler.step_buttons

    complete = handler.open_step(Step.COMPLETE)
    complete.result_text.insertPlainText("工资已全部发放")
    qtbot.mouseClick(complete.payments.add_button, Qt.LeftButton)
    complete.payments.table.item(0, 0).setText("600000")
    complete.payments.table.item(0, 2).setText("一次付清")
    submit(qtbot, complete)
    wait_loaded(qtbot, handler, version=4)
    assert handler.status_label.text() == "Completed"
    assert handler.payments.rowCount() == 1
    assert handler.payments.item(0, 1).text() == "¥600,000.00"
    assert Payment.get().amount == Decimal("600000.00")

    agent = open_view(staff.agent, ticket)
    assert list(agent.step_buttons) == [Step.CALLBACK]
    callback = agent.open_step(Step.CALLBACK)
    callback.satisfaction.setCurrentIndex(
        callback.satisfaction.findData(Satisfaction.BASICALLY_SATISFIED.value)
    )
    submit(qtbot, callback)
    wait_loaded(qtbot, agent, version=5)
    ticket_row = Ticket.get_by_id(ticket)
    assert ticket_row.status == TicketStatus.CALLED_BACK
    assert ticket_row.satisfaction == Satisfaction.BASICALLY_SATISFIED
    assert agent.timeline.rowCount() == 7  # with the two risk flags after the creation


@sqlite_only
def test_a_concurrent_edit_reloads_and_keeps_what_was_typed(qtbot, env, staff, ticket, open_view):
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    view = open_view(staff.xian, ticket)
    dialog = view.open_step(Step.PROGRESS)
    dialog.text.insertPlainText("已约谈项目负责人")
    # Somebody else writes to the ticket behind the view's back.
    steps.record_progress(env, staff.xian, ticket, "人社部门已介入")
    submit(qtbot, dialog)
    box = message_box(qtbot, dialog)
    assert "xian changed ticket 20260929-00001" in box.text()
    wait_loaded(qtbot, view, version=4)
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.text.toPlainText() == "已约谈项目负责人"
    # The other change shows behind the dialog (after creation, two risk flags, 3 steps).
    assert view.timeline.rowCount() == 6
    box.close()
    submit(qtbot, dialog)  # again, against the new version
    wait_loaded(qtbot, view, version=5)
    assert view.timeline.item(6, 4).text() == "已约谈项目负责人"


@sqlite_only
def test_a_step_no_longer_available_after_the_reload_cannot_be_submitted(
    qtbot, env, staff, ticket, open_view
):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.HANDLE_IN_OFFICE)
    dialog.text.insertPlainText("重大欠薪")
    steps.dispatch(env, staff.dispatcher, ticket, "baoji")  # another dispatcher was quicker
    submit(qtbot, dialog)
    message_box(qtbot, dialog).close()
    wait_loaded(qtbot, view, version=2)
    assert not dialog.ok_button.isEnabled()
    assert "no longer available" in dialog.notice.text()
    assert dialog.text.toPlainText() == "重大欠薪"
    assert Step.HANDLE_IN_OFFICE not in view.step_buttons


@sqlite_only
def test_invalid_input_shows_next_to_its_field_and_the_dialog_stays(
    qtbot, env, staff, ticket, open_view
):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.MERGE)
    qtbot.keyClicks(dialog.master, "20991231-99999")
    submit(qtbot, dialog)
    error = dialog._errors["master ticket"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "there is no ticket numbered “20991231-99999”"
    assert dialog.isVisible() and dialog.master.text() == "20991231-99999"

    dialog.reject()
    dispatch = view.open_step(Step.DISPATCH)
    submit(qtbot, dispatch)  # no lead unit chosen: said before any call
    assert dispatch._errors["lead unit"].text() == "Choose the lead unit in the tree."


@sqlite_only
def test_payments_are_checked_row_by_row(qtbot, env, staff, ticket, open_view):
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    view = open_view(staff.xian, ticket)
    dialog = view.open_step(Step.COMPLETE)
    dialog.result_text.insertPlainText("已协调")
    dialog.payments.add_row("1000")
    dialog.payments.add_row("abc")
    submit(qtbot, dialog)
    error = dialog._errors["payment"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "payment 2: “abc” is not an amount of money: write it as 600000 or 60万"
    dialog.payments.remove_current()
    submit(qtbot, dialog)
    wait_loaded(qtbot, view, version=4)
    assert view.detail.recovered_total == Decimal("1000.00")


@sqlite_only
def test_mediation_asks_for_both_consents_next_to_the_boxes(qtbot, env, staff, ticket, open_view):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.MEDIATE)
    dialog.worker.setChecked(True)
    submit(qtbot, dialog)
    error = dialog._errors["consent"]
    assert error.text() == "Mediation needs both the worker's and the employer's consent."
    dialog.employer.setChecked(True)
    submit(qtbot, dialog)
    wait_loaded(qtbot, view, version=2)
    assert view.status_label.text() == "In progress"
    assert view.detail.mediations[0].worker_consent


@sqlite_only
def test_refusals_of_the_workflow_show_their_reason(qtbot, env, staff, ticket, open_view):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.MERGE)
    dialog.master.setText("20260929-00001")  # itself
    submit(qtbot, dialog)
    box = message_box(qtbot, dialog)
    assert box.text().startswith("This step cannot be taken now:")
    assert dialog.isVisible() and dialog.master.text() == "20260929-00001"


@sqlite_only
def test_dispatching_down_offers_only_the_units_below(qtbot, env, staff, ticket, open_view):
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    view = open_view(staff.xian, ticket)
    dialog = view.open_step(Step.DISPATCH_DOWN)
    model = dialog.tree.model
    roots = [model.item(row).text() for row in range(model.rowCount())]
    assert "Yanta District Federation of Trade Unions, Xi'an" in roots
    assert "Baoji Federation of Trade Unions" not in roots
    qtbot.keyClicks(dialog.tree.filter, "Yanta")
    qtbot.keyClick(dialog.tree.filter, Qt.Key_Return)
    qtbot.keyClick(dialog.tree.view, Qt.Key_Return)
    yanta = dialog.tree.lead_unit().data(UNIT_ID_ROLE)
    assert env.reference.unit(yanta).code == "xa-yanta"
    submit(qtbot, dialog)
    wait_loaded(qtbot, view, version=4)
    assert view.detail.holder_unit.en == "Yanta District Federation of Trade Unions, Xi'an"


@sqlite_only
def test_a_lost_database_shows_in_the_view(qtbot, env, staff, ticket, open_view, monkeypatch):
    view = open_view(staff.dispatcher, ticket)

    monkeypatch.setattr(env.db, "execute_sql", connection_lost)
    view.reload()
    qtbot.waitUntil(view.message.isVisible)
    assert "the database cannot be reached" in view.message.plain_text()
    assert view.message.detail == LOST
    assert not view.step_bar.isEnabled()
    assert view.number_label.text() == "20260929-00001"  # what was shown stays readable


@sqlite_only
def test_a_ticket_of_another_unit_is_not_shown(qtbot, env, staff, ticket, open_view):
    view = open_view(staff.baoji, ticket, wait=False)
    qtbot.waitUntil(view.message.isVisible)
    assert "cannot be shown" in view.message.plain_text()
    assert view.step_buttons == {}


# Each kind of dialog, with the ticket in a state that offers it, and who may take it.
DIALOG_CASES = [
    (Step.DISPATCH, "new", "dispatcher"),
    (Step.HANDLE_IN_OFFICE, "new", "dispatcher"),
    (Step.MEDIATE, "new", "dispatcher"),
    (Step.MERGE, "new", "dispatcher"),
    (Step.SIGN, "dispatched", "xian"),
    (Step.RETURN, "dispatched", "xian"),
    (Step.INSTRUCT, "dispatched", "xian_leader"),
    (Step.PROGRESS, "signed", "xian"),
    (Step.DISPATCH_DOWN, "signed", "xian"),
    (Step.REQUEST_EXTENSION, "signed", "xian"),
    (Step.REPORT_UP, "passed_down", "yanta"),
    (Step.COMPLETE, "signed", "xian"),
    (Step.RECORD_PAYMENT, "signed", "xian"),
    (Step.APPROVE_EXTENSION, "extension", "dispatcher"),
    (Step.REFUSE_EXTENSION, "extension", "dispatcher"),
    (Step.CALLBACK, "completed", "agent"),
    (Step.ARCHIVE, "called_back", "supervisor"),
    (Step.REOPEN, "unsatisfied", "supervisor"),
]


def bring_to(env, staff, ticket, state):
    if state == "new":
        return
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    if state == "dispatched":
        return
    steps.sign(env, staff.xian, ticket)
    if state == "passed_down":
        steps.dispatch_down(env, staff.xian, ticket, "xa-yanta")
        steps.sign(env, staff.yanta, ticket)
        return
    if state == "extension":
        steps.request_extension(env, staff.xian, ticket, 2, "材料未齐")
    if state in ("signed", "extension"):
        return
    steps.complete(env, staff.xian, ticket, "已办结")
    if state != "completed":
        satisfied = Satisfaction.UNSATISFIED if state == "unsatisfied" else Satisfaction.SATISFIED
        steps.callback(env, staff.agent, ticket, satisfied)


@sqlite_only
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(
    ("step", "state", "who"), DIALOG_CASES, ids=[c[0].value for c in DIALOG_CASES]
)
def test_every_dialog_opens_in_both_languages(
    qtbot, request, env, staff, ticket, open_view, step, state, who, language
):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    bring_to(env, staff, ticket, state)
    view = open_view(getattr(staff, who), ticket, language)
    assert step in view.step_buttons
    qtbot.mouseClick(view.step_buttons[step], Qt.LeftButton)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    label = step.zh if language == "zh_CN" else step.en.capitalize()
    assert dialog.ok_button.text() == label
    assert dialog.windowTitle() == f"{label} — 20260929-00001"
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: view.dialog is None)


@sqlite_only
def test_an_amount_still_being_edited_is_the_one_saved(qtbot, env, staff, ticket, open_view):
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    view = open_view(staff.xian, ticket)
    dialog = view.open_step(Step.COMPLETE)
    dialog.result_text.insertPlainText("已协调")
    dialog.payments.add_row("5000")
    table = dialog.payments.table
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key_F2)  # edits the cell, its text selected
    editor = table.viewport().findChild(QLineEdit)
    qtbot.keyClicks(editor, "6000")
    dialog.submit()  # what Ctrl+Return does, the cell's editor still open
    wait_loaded(qtbot, view, version=4)
    assert Payment.get().amount == Decimal("6000.00")


@sqlite_only
def test_return_in_the_unit_tree_picks_the_lead_and_takes_no_step(
    qtbot, env, staff, ticket, open_view
):
    view = open_view(staff.dispatcher, ticket)
    dialog = view.open_step(Step.DISPATCH)
    dialog.tree.filter.insert("雁塔区总")
    qtbot.keyClick(dialog.tree.filter, Qt.Key_Return)
    qtbot.keyClick(dialog.tree.view, Qt.Key_Return)
    assert "Yanta" in dialog.summary.text()
    assert dialog.isVisible()  # co-handlers and a note may still follow
    qtbot.wait(300)  # a step taken would run on a worker: give it the time to land
    assert Ticket.get_by_id(ticket).status == TicketStatus.NEW


@sqlite_only
def test_a_refusal_speaks_chinese(qtbot, env, staff, ticket, open_view, chinese):
    view = open_view(staff.dispatcher, ticket, "zh_CN")
    dialog = view.open_step(Step.MERGE)
    dialog.master.setText("20260929-00001")  # itself
    submit(qtbot, dialog)
    box = message_box(qtbot, dialog)
    assert box.text() == "现在不能办理此步骤：工单不能并入自身"
