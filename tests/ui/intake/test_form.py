"""Call intake driven from the keyboard, as an agent takes a call: real widgets, real database."""

from __future__ import annotations

from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from shiboken6 import Shiboken

from hotline_desktop.domain.risk_rules import RiskKind
from hotline_desktop.services.alert_list import alerts_of_ticket
from hotline_desktop.services.intake import CallInput, IntakeResult, log_call
from hotline_desktop.store.models import Call, Caller, OrgUnit, Ticket
from hotline_desktop.ui.common.context import WindowContext
from hotline_desktop.ui.intake.assistant_panel import PAUSE_MS
from hotline_desktop.ui.intake.drafts import DraftStore
from hotline_desktop.ui.intake.form import IntakeForm
from tests.ui.keyboard import fill_a_wage_claim, focused, press, tab, type_and_tab, type_in

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
# The offscreen platform cannot raise a popup or grab the keyboard for it; typing into a
# searchable list opens its completer popup, which says so. Not the app's fault.
POPUPS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def draft_path(tmp_path):
    return tmp_path / "drafts" / "intake-agent.json"


@pytest.fixture
def open_form(qtbot, env, staff, draft_path):
    """Opens an intake form as the agent's main window would, and waits until it is usable."""
    contexts = []

    def open_(language: str = "en", *, keep: bool = True) -> IntakeForm:
        context = WindowContext.create(env, staff.agent, language)
        contexts.append(context)
        form = IntakeForm(context, DraftStore(draft_path))
        if keep:
            qtbot.addWidget(form)
        form.resize(1100, 700)
        form.show()
        form.activateWindow()
        qtbot.waitUntil(form.is_ready)
        qtbot.waitUntil(form.phone.hasFocus)
        return form

    yield open_
    for context in contexts:
        context.tasks.wait()


def error_of(form: IntakeForm, field: str) -> str:
    return form._errors.shown(field)


@POPUPS
def test_a_request_typed_through_becomes_a_ticket_with_ctrl_s(qtbot, open_form, env):
    form = open_form("zh_CN")
    fill_a_wage_claim(qtbot, form)

    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key_S)
        assert not form.ticket_button.isEnabled()  # saving runs on the worker

    assert form.ticket_button.isEnabled()
    result = saved.args[0]
    assert isinstance(result, IntakeResult) and result.number == "20260929-00001"
    ticket = Ticket.get_by_id(result.ticket_id)
    assert ticket.phone == "13812345678" and ticket.caller_name == "张师傅"
    assert ticket.employer_name == "陕西某建工集团有限公司"
    assert OrgUnit.get_by_id(ticket.region_id).code == "xa-beilin"
    assert ticket.industry.code == "construction"
    assert ticket.employment_form.code == "migrant"
    assert ticket.category.code == "wages"
    assert (ticket.headcount, ticket.amount_involved) == (13, Decimal("600000.00"))
    assert (ticket.urgency, ticket.channel, ticket.status) == ("urgent", "phone", "new")
    assert ticket.description.startswith("我和工友共13人")
    link = f'<a href="ticket:{result.ticket_id}">20260929-00001</a>'
    assert form.result_label.text() == f"Ticket {link} created"
    with qtbot.waitSignal(form.open_ticket) as opened:
        form.result_label.linkActivated.emit(f"ticket:{result.ticket_id}")
    assert opened.args == [result.ticket_id]
    # Ctrl+S keeps what was saved on screen; a second Ctrl+S logs nothing twice.
    assert form.phone.text() == "138 1234 5678"
    press(qtbot, Qt.Key_S)
    assert Call.select().count() == 1
    assert not form.drafts.path.exists()


@SQLITE
@POPUPS
def test_ctrl_enter_saves_and_starts_the_next_call(qtbot, open_form):
    form = open_form()
    type_and_tab(qtbot, "13812345678")
    form.description.setFocus()
    qtbot.keyClicks(focused(), "Unpaid overtime for three months")
    form.category.setFocus()
    qtbot.keyClicks(focused(), "Wages and pay")  # the whole name: no need to pick

    with qtbot.waitSignal(form.saved, timeout=5000):
        press(qtbot, Qt.Key_Return)

    assert Ticket.select().count() == 1
    assert form.values()["phone"] == "" and form.values()["description"] == ""
    assert form.values()["category_code"] == ""
    assert form.phone.hasFocus()
    assert "20260929-00001</a> created" in form.result_label.text()
    # The keypad's Enter does the same.
    qtbot.keyClicks(focused(), "029-88886666")
    form.kind.setCurrentIndex(form.kind.findData("praise"))
    form.description.setFocus()
    qtbot.keyClicks(focused(), "Thanks the union for the help")
    with qtbot.waitSignal(form.saved, timeout=5000):
        press(qtbot, Qt.Key_Enter, Qt.ControlModifier | Qt.KeypadModifier)
    assert form.result_label.text() == "Call logged"
    assert (Call.select().count(), Ticket.select().count()) == (2, 1)


def fill_the_disk(env) -> None:
    """The database may not grow any more, on every connection the workers open, and
    the room it has left is taken (on a connection of its own, committed at once)."""
    filler = peewee.SqliteDatabase(env.info.description)
    filler.execute_sql("CREATE TABLE filler (x TEXT)")
    pages = filler.execute_sql("PRAGMA page_count").fetchone()[0]
    filler.execute_sql(f"PRAGMA max_page_count = {pages}")
    for size in (4000, 400, 40):  # whole free pages first, then what is left in pages
        while True:
            try:
                filler.execute_sql("INSERT INTO filler VALUES (?)", ("x" * size,))
            except peewee.OperationalError:
                break
    filler.close()
    env.db.pragma("max_page_count", pages, permanent=True)


@SQLITE
@POPUPS
def test_a_full_disk_is_said_in_chinese_and_nothing_typed_is_lost(qtbot, open_form, env, chinese):
    form = open_form("zh_CN")
    fill_a_wage_claim(qtbot, form)
    # Longer than a database page holds: the save needs pages the disk has not got.
    form.description.setPlainText((form.description.toPlainText() * 200)[:4_900])
    typed = form.values()
    fill_the_disk(env)

    press(qtbot, Qt.Key_S)
    qtbot.waitUntil(lambda: "磁盘已满" in form.result_label.plain_text(), timeout=5000)
    said = form.result_label.plain_text()
    assert said.startswith("未保存：磁盘已满。")
    assert "rollback" not in said and "disk" not in said  # no driver English in the window
    assert form.result_label.detail == "database or disk is full"
    assert form.values() == typed and Ticket.select().count() == 0
    assert form.ticket_button.isEnabled()  # the agent tries again once there is room


@SQLITE
def test_a_consultation_answered_on_the_call_logs_a_call_without_a_ticket(qtbot, open_form):
    form = open_form()
    type_and_tab(qtbot, "13912345678")
    form.kind.setFocus()
    qtbot.keyClicks(focused(), "Con")
    assert form.kind.code() == "consultation"
    form.description.setFocus()
    qtbot.keyClicks(focused(), "How is overtime pay computed?")

    press(qtbot, Qt.Key_S)  # no answer yet: the service refuses, the form says where
    qtbot.waitUntil(lambda: error_of(form, "answer") != "")
    assert "what the caller was told" in error_of(form, "answer")
    assert form.answer.hasFocus()
    assert Call.select().count() == 0

    qtbot.keyClicks(focused(), "1.5 times the wage on workdays, 2 times on rest days")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key_O, Qt.AltModifier)  # the "Answered on the call" button
    assert saved.args[0].ticket_id is None
    call = Call.get()
    assert call.answered_on_call and call.kind == "consultation"
    assert call.answer.startswith("1.5 times")
    assert Ticket.select().count() == 0
    assert error_of(form, "answer") == ""
    assert form.result_label.text() == "Call logged"


@SQLITE
def test_bad_fields_are_explained_next_to_them_and_nothing_is_written(qtbot, open_form):
    form = open_form()
    type_and_tab(qtbot, "12345")
    assert "neither a mobile number" in error_of(form, "phone")
    form.headcount.setFocus()
    type_and_tab(qtbot, "200000")
    assert error_of(form, "headcount") == "more than 100,000 people is not plausible"
    type_and_tab(qtbot, "12,00")
    assert "write decimals with a point" in error_of(form, "amount involved")
    form.description.setFocus()
    qtbot.keyClicks(focused(), "Wages unpaid")

    press(qtbot, Qt.Key_S)
    qtbot.waitUntil(lambda: "Not saved" in form.result_label.text())
    assert form.phone.hasFocus()  # the service checks the phone first
    assert Call.select().count() == 0 and Caller.select().count() == 0
    # Nothing typed is lost; a corrected field loses its message when left.
    assert form.values()["amount"] == "12,00" and form.values()["description"] == "Wages unpaid"
    form.phone.selectAll()
    type_and_tab(qtbot, "13812345678")
    assert error_of(form, "phone") == ""


@SQLITE
def test_the_messages_next_to_the_fields_speak_chinese(qtbot, open_form, chinese):
    form = open_form("zh_CN")
    type_and_tab(qtbot, "12345")
    assert error_of(form, "phone") == (
        "“12345”既不是手机号（以1开头的11位数字），也不是带区号的固定电话（如 029-88886666）"
    )
    form.headcount.setFocus()
    type_and_tab(qtbot, "200000")
    assert error_of(form, "headcount") == "涉及人数超过 100,000 人，不合常理"
    type_and_tab(qtbot, "1e5")
    assert error_of(form, "amount involved") == "“1e5”不是金额：请写作 600000 或 60万"


@SQLITE
def test_an_empty_request_says_everything_missing_at_once(qtbot, open_form):
    form = open_form()
    press(qtbot, Qt.Key_S)  # a request: a ticket needs a phone, a description, a category
    assert error_of(form, "phone") == "the caller's phone number is required"
    assert error_of(form, "description") == "this field cannot be empty"
    assert error_of(form, "category") == "choose one"
    assert form.phone.hasFocus()  # the first of them
    assert form.result_label.text() == "Not saved: correct the marked fields."
    assert Call.select().count() == 0


@SQLITE
def test_a_ticket_needs_a_category_and_an_unknown_entry_is_named(qtbot, open_form):
    form = open_form()
    type_and_tab(qtbot, "13812345678")
    form.region.setFocus()
    type_and_tab(qtbot, "999")  # matches nothing: no completer popup on the way
    assert "“999” is not in the list" in error_of(form, "region")
    form.region.setFocus()
    form.region.lineEdit().clear()
    tab(qtbot)
    assert error_of(form, "region") == ""
    form.description.setFocus()
    qtbot.keyClicks(focused(), "Wages unpaid")

    press(qtbot, Qt.Key_S)
    qtbot.waitUntil(lambda: error_of(form, "category") != "")
    assert error_of(form, "category") == "choose one"
    assert form.category.hasFocus()
    assert Call.select().count() == 0


@SQLITE
def test_leaving_the_phone_field_shows_a_repeat_callers_history(qtbot, open_form, env, staff):
    earlier = log_call(
        env,
        staff.agent,
        CallInput(
            phone="13812345678",
            caller_name="王师傅",
            category_code="wages",
            employer_name="西安某物流有限公司",
            description="拖欠工资三个月",
        ),
        create_ticket=True,
    )
    form = open_form()
    qtbot.keyClicks(focused(), "029 8888 6666")
    tab(qtbot)
    qtbot.waitUntil(lambda: "No earlier calls" in form.history.status.text())
    assert not form.history.notice.isVisible()

    form.phone.setFocus()
    form.phone.selectAll()
    type_and_tab(qtbot, "138 1234 5678")
    qtbot.waitUntil(form.history.notice.isVisible)
    assert form.history.notice.text().startswith("Repeat caller: 1 earlier call")
    assert "王师傅" in form.history.notice.text()
    call_row = form.history.calls_list.topLevelItem(0)
    assert call_row.text(3) == earlier.number and call_row.text(4) == "拖欠工资三个月"
    ticket_row = form.history.tickets_list.topLevelItem(0)
    assert [ticket_row.text(c) for c in (0, 2, 4)] == [
        earlier.number,
        "Awaiting dispatch",
        "西安某物流有限公司",
    ]
    assert form.caller_name.text() == "王师傅"  # the name given last time, to confirm
    with qtbot.waitSignal(form.open_ticket) as opened:
        form.history.tickets_list.itemActivated.emit(ticket_row, 0)
    assert opened.args == [earlier.ticket_id]


@SQLITE
@POPUPS
def test_a_draft_survives_a_crash_and_is_restored(qtbot, open_form, draft_path, staff, env):
    form = open_form("zh_CN", keep=False)
    fill_a_wage_claim(qtbot, form)
    form.answer.setFocus()
    type_in(qtbot, "已告知可申请劳动仲裁")
    typed = form.values()
    qtbot.waitUntil(lambda: draft_path.exists() and not form.drafts.pending(), timeout=5000)
    form.runner.wait()
    Shiboken.delete(form)  # the crash: no save, no close

    again = open_form("zh_CN")
    assert again.draft_bar.isVisible()
    assert "was not saved" in again.draft_bar.label.text()
    assert again.values()["phone"] == ""
    press(qtbot, Qt.Key_R, Qt.AltModifier)  # Restore: a button's mnemonic clicks it animated
    qtbot.waitUntil(lambda: again.values() == typed)
    assert not again.draft_bar.isVisible()
    assert again.phone.hasFocus()

    with qtbot.waitSignal(again.saved, timeout=5000):
        press(qtbot, Qt.Key_S)
    assert not draft_path.exists()  # saved: the draft is gone
    third = open_form("zh_CN")
    assert not third.draft_bar.isVisible()


@SQLITE
@POPUPS
def test_typing_while_a_draft_is_offered_loses_neither(qtbot, open_form, draft_path, staff, env):
    form = open_form("zh_CN", keep=False)
    fill_a_wage_claim(qtbot, form)
    offered = form.values()
    qtbot.waitUntil(lambda: draft_path.exists() and not form.drafts.pending(), timeout=5000)
    form.runner.wait()
    Shiboken.delete(form)  # the first crash

    again = open_form("zh_CN", keep=False)
    assert "138 1234 5678 张师傅" in again.draft_bar.label.text()
    type_in(qtbot, "13900001111")  # the next caller, the bar left alone
    qtbot.waitUntil(lambda: not again.drafts.pending(), timeout=5000)
    again.runner.wait()
    Shiboken.delete(again)  # the second crash

    third = open_form("zh_CN")
    assert "13900001111" in third.draft_bar.label.text()  # the newest typing first
    press(qtbot, Qt.Key_R, Qt.AltModifier)
    qtbot.waitUntil(lambda: third.values()["phone"] == "13900001111")
    # Then the older one, set aside when the agent typed over its offer.
    assert third.draft_bar.isVisible()
    assert "138 1234 5678 张师傅" in third.draft_bar.label.text()
    third.discard_draft()
    assert not third.draft_bar.isVisible()
    assert [draft.fields["phone"] for draft in third.drafts.waiting()] == ["13900001111"]
    assert third.values()["phone"] == "13900001111" and offered["phone"] == "138 1234 5678"


@SQLITE
def test_a_discarded_draft_is_deleted(qtbot, open_form, draft_path):
    DraftStore(draft_path)._write('{"saved_at": "2026-09-28T17:45:00", "fields": {"phone": "1"}}')
    form = open_form()
    assert "2026-09-28 17:45" in form.draft_bar.label.text()
    qtbot.keyClicks(focused(), "13812345678")  # typed before answering: kept, not saved over
    press(qtbot, Qt.Key_S, Qt.AltModifier)  # Discard
    qtbot.waitUntil(lambda: not form.draft_bar.isVisible())
    assert form.values()["phone"] == "13812345678"
    qtbot.waitUntil(lambda: draft_path.exists() and not form.drafts.pending(), timeout=5000)
    assert form.drafts.load().fields["phone"] == "13812345678"


@SQLITE
def test_the_form_opens_in_chinese(qtbot, open_form, chinese):
    form = open_form("zh_CN")
    assert form.kind.currentText() == "求决"
    assert form.urgency.currentText() == "一般" and form.channel.currentText() == "电话"
    assert form.region.findText("西安市碑林区总工会") > 0
    assert form.category.findText("劳动报酬") > 0


@SQLITE
def test_the_form_opens_in_english(qtbot, open_form):
    form = open_form("en")
    assert form.kind.currentText() == "Request to resolve"
    assert form.region.findText("Xi'an Federation of Trade Unions") > 0
    assert form.employment_form.findText("Delivery rider", Qt.MatchContains) > 0


@SQLITE
def test_the_assistant_suggests_as_the_agent_types_and_the_agent_has_the_last_word(
    qtbot, open_form, env
):
    form = open_form()
    panel = form.assistant
    type_and_tab(qtbot, "13812345678")
    form.description.setFocus()
    type_in(qtbot, "我们十三名工人被拖欠工资六十余万元，有人说要跳楼")
    qtbot.waitUntil(lambda: panel.boxes[RiskKind.DANGER].isChecked())
    assert panel.reasons[RiskKind.DANGER].text() == "mentions “跳楼”"
    assert panel.reasons[RiskKind.MASS].text() == "involves 十三名工人 (at least 10)"
    assert panel.reasons[RiskKind.LARGE].text() == "amount 六十余万元 (at least 500,000 yuan)"
    assert not panel.boxes[RiskKind.HIDDEN].isChecked()
    assert panel.category_label.text() == "Category: Wages and pay (mentions “拖欠”)"
    panel.take_button.click()
    assert form.category.code() == "wages"

    panel.boxes[RiskKind.DANGER].click()  # the agent knows the caller: no danger
    panel.boxes[RiskKind.HIDDEN].click()  # and has heard of a video online
    assert panel.reasons[RiskKind.DANGER].text() == "overridden by you: mentions “跳楼”"
    assert panel.reasons[RiskKind.HIDDEN].text() == "your judgement"
    # Typing on asks again; the agent's verdict stays.
    type_in(qtbot, "。")
    qtbot.wait(PAUSE_MS + 200)
    assert not panel.boxes[RiskKind.DANGER].isChecked()
    assert panel.boxes[RiskKind.HIDDEN].isChecked()

    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key_S)
    ticket_id = saved.args[0].ticket_id
    kinds = sorted((row.kind.value, row.rule.value) for row in alerts_of_ticket(env, ticket_id))
    assert kinds == [
        ("hidden", "agent_judgement"),
        ("large", "large_amount"),
        ("mass", "mass_headcount"),
    ]
    assert Ticket.get_by_id(ticket_id).risk_dismissed == "danger"


@SQLITE
def test_the_assistant_counts_the_callers_earlier_reports(qtbot, open_form, env, staff):
    for description in ("公司拖欠工资三千元", "公司还是没发工资"):
        call = CallInput(phone="13812345678", description=description, category_code="wages")
        log_call(env, staff.agent, call, create_ticket=True)
    form = open_form()
    type_and_tab(qtbot, "13812345678")
    form.description.setFocus()
    type_in(qtbot, "第三次打电话，工资还是没发")
    qtbot.waitUntil(lambda: panel_checked(form, RiskKind.REPEATED))
    assert form.assistant.reasons[RiskKind.REPEATED].text() == (
        "the caller's report number 3 within 30 days"
    )


def panel_checked(form, kind) -> bool:
    return form.assistant.boxes[kind].isChecked()


@SQLITE
@pytest.mark.parametrize("answer", ["ticket", "answered"])
def test_a_call_ticked_for_warning_items_is_not_quietly_logged_as_answered(
    qtbot, open_form, answer
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    form = open_form()
    type_and_tab(qtbot, "13812345678")
    form.kind.setCurrentIndex(form.kind.findData("consultation"))
    form.category.setCurrentIndex(form.category.findData("wages"))
    form.description.setFocus()
    type_in(qtbot, "他说拿不到工资就不想活了")
    form.answer.setFocus()
    type_in(qtbot, "已安抚情绪，告知可申请劳动仲裁")
    qtbot.waitUntil(lambda: form.assistant.boxes[RiskKind.DANGER].isChecked())
    asked = []

    def choose() -> None:
        box = QApplication.activeModalWidget()
        asked.append(box.text())
        wanted = "Create a &ticket" if answer == "ticket" else "Log as &answered"
        next(b for b in box.buttons() if b.text() == wanted).click()

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key_S)
    assert "危 Danger" in asked[0]
    assert (saved.args[0].ticket_id is not None) == (answer == "ticket")


@SQLITE
def test_the_assistant_offers_the_figures_it_read_for_the_form(qtbot, open_form):
    form = open_form()
    panel = form.assistant
    form.description.setFocus()
    type_in(qtbot, "我们二十多名工人被拖欠工资八十多万元")
    qtbot.waitUntil(lambda: panel.fill_button.isVisible())
    assert panel.figures_label.text() == "From the text: 20 people, 800,000 yuan"
    panel.fill_button.click()
    assert (form.headcount.value(), form.amount.text()) == (20, "800000")
    qtbot.waitUntil(lambda: not panel.fill_button.isVisible())  # nothing more to offer
