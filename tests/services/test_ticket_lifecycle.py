"""The lifecycle of a ticket through the services, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from hotline_desktop.domain.errors import (
    ConcurrentEdit,
    InvalidInput,
    PermissionDenied,
    StepNotAllowed,
)
from hotline_desktop.domain.vocabulary import (
    AssignmentState,
    Satisfaction,
    TicketOrigin,
    TicketStatus,
)
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.figures import headline_figures
from hotline_desktop.services.intake import log_call
from hotline_desktop.store.models import (
    Assignment,
    Call,
    ExtensionRequest,
    Instruction,
    Mediation,
    Payment,
    Ticket,
    TicketEvent,
)
from tests.calls import wage_call

S = TicketStatus


@pytest.fixture
def new_ticket(env, staff):
    def make(**overrides):
        result = log_call(env, staff.agent, wage_call(**overrides), create_ticket=True)
        return result.ticket_id

    return make


def status_of(ticket_id: int) -> TicketStatus:
    return TicketStatus(Ticket.get_by_id(ticket_id).status)


def steps_of(ticket_id: int) -> list[str]:
    """The steps people took; the risk rules' marks on the ticket are tested with the alerts."""
    events = TicketEvent.select().where(TicketEvent.ticket == ticket_id).order_by(TicketEvent.id)
    return [event.step for event in events if event.step != "risk_alert"]


def test_a_call_answered_on_the_call_is_logged_without_a_ticket(env, staff):
    result = log_call(
        env,
        staff.agent,
        wage_call(kind="consultation", category_code="legal_advice", answer="告知可申请劳动仲裁"),
        create_ticket=False,
    )
    assert result.ticket_id is None
    call = Call.get_by_id(result.call_id)
    assert call.answered_on_call and call.answer == "告知可申请劳动仲裁"
    assert Ticket.select().count() == 0


def test_a_request_becomes_a_numbered_ticket_with_its_creation_in_the_history(env, staff, clock):
    result = log_call(env, staff.agent, wage_call(), create_ticket=True)
    ticket = Ticket.get_by_id(result.ticket_id)
    assert ticket.number == "20260929-00001"
    assert ticket.status == S.NEW
    assert ticket.phone == "13812345678"
    assert ticket.amount_involved == Decimal("600000.00")
    assert ticket.employer.key == "陕西某建工集团"
    second = log_call(env, staff.agent, wage_call(), create_ticket=True)
    assert second.number == "20260929-00002"
    event = TicketEvent.get(TicketEvent.ticket == ticket.id)
    assert (event.step, event.actor_id, event.to_status) == ("create", staff.agent.user_id, "new")


def test_the_whole_dispatch_lifecycle_with_instalments_and_callback(env, staff, clock, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa", co_units=["sx-hrss"], note="请尽快核实")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.DISPATCHED and ticket.holder_unit.code == "xa"
    # 13 workers owed wages: collective wage arrears, signed within one hour.
    assert ticket.sign_due_at == datetime(2026, 9, 29, 10, 0)
    # Five working days from Tuesday 29 September skip the National Day week.
    assert ticket.due_at == datetime(2026, 10, 12, 9, 0)

    clock.set(datetime(2026, 9, 29, 9, 30))
    steps.sign(env, staff.xian, ticket_id)
    steps.sign(env, staff.hrss, ticket_id)
    assert status_of(ticket_id) == S.IN_PROGRESS
    steps.record_progress(env, staff.hrss, ticket_id, "人社部门已约谈项目负责人")
    steps.complete(
        env,
        staff.xian,
        ticket_id,
        "工资已分两批发放到位",
        payments=[
            steps.PaymentInput("300000", date(2026, 9, 25), "第一批"),
            steps.PaymentInput("305000.50", date(2026, 9, 29), "第二批"),
        ],
    )
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.COMPLETED
    assert ticket.recovered_total == Decimal("605000.50")
    assert Payment.select().where(Payment.ticket == ticket_id).count() == 2
    assert ticket.callback_due_at == datetime(2026, 9, 30, 9, 30)

    steps.callback(env, staff.agent, ticket_id, Satisfaction.SATISFIED, "职工表示满意")
    steps.archive(env, staff.supervisor, ticket_id)
    assert status_of(ticket_id) == S.ARCHIVED
    assert steps_of(ticket_id) == [
        "create", "dispatch", "sign", "sign", "progress", "complete", "callback", "archive",
    ]  # fmt: skip
    figures = headline_figures(env)
    assert (figures.calls, figures.tickets, figures.recovered) == (1, 1, Decimal("605000.50"))


def test_every_event_records_who_and_what_changed(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    event = TicketEvent.select().where(TicketEvent.step == "dispatch").get()
    assert event.actor_id == staff.dispatcher.user_id
    assert (event.from_status, event.to_status) == ("new", "dispatched")
    changed = json.loads(event.details)
    assert changed["status"] == ["new", "dispatched"]
    assert changed["holder_unit"][0] is None


def test_handle_in_office_goes_straight_to_the_office(env, staff, new_ticket):
    ticket_id = new_ticket(urgency="urgent")
    steps.handle_in_office(env, staff.dispatcher, ticket_id, "重大欠薪，办公室直接办理")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.IN_PROGRESS and ticket.holder_unit.code == "sx-office"
    steps.complete(env, staff.office, ticket_id, "已协调支付")
    assert status_of(ticket_id) == S.COMPLETED


def test_mediation_needs_both_consents_and_records_them(env, staff, new_ticket):
    ticket_id = new_ticket()
    with pytest.raises(StepNotAllowed, match="consent of both"):
        steps.mediate(
            env, staff.dispatcher, ticket_id, worker_consents=True, employer_consents=False
        )
    assert status_of(ticket_id) == S.NEW
    steps.mediate(
        env, staff.dispatcher, ticket_id, worker_consents=True, employer_consents=True,
        consent_note="双方电话确认同意调解",
    )  # fmt: skip
    mediation = Mediation.get(Mediation.ticket == ticket_id)
    assert mediation.worker_consent and mediation.employer_consent
    steps.complete(env, staff.mediator, ticket_id, "达成调解协议，分三期支付")
    assert Mediation.get(Mediation.ticket == ticket_id).outcome == "达成调解协议，分三期支付"


def test_a_unit_dispatches_down_and_the_result_comes_back_up(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    with pytest.raises(StepNotAllowed, match="only to units under it"):
        steps.dispatch_down(env, staff.xian, ticket_id, "baoji")
    steps.dispatch_down(env, staff.xian, ticket_id, "xa-yanta", "请雁塔区总工会核实")
    assert status_of(ticket_id) == S.DISPATCHED
    steps.sign(env, staff.yanta, ticket_id)
    with pytest.raises(StepNotAllowed, match="report the result up"):
        steps.complete(env, staff.yanta, ticket_id, "已办理")
    steps.report_up(env, staff.yanta, ticket_id, "已督促企业支付工资")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.IN_PROGRESS and ticket.holder_unit.code == "xa"
    steps.complete(env, staff.xian, ticket_id, "经区总工会协调已支付")
    states = [a.state for a in Assignment.select().order_by(Assignment.id)]
    assert states == [AssignmentState.COMPLETED, AssignmentState.REPORTED]


def test_a_return_goes_back_to_dispatch_with_its_reason(env, staff, clock, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "baoji")
    steps.return_ticket(env, staff.baoji, ticket_id, "用人单位在西安，不属本市管辖")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.NEW and ticket.holder_unit is None and ticket.return_count == 1
    event = TicketEvent.select().where(TicketEvent.step == "return").get()
    assert event.note == "用人单位在西安，不属本市管辖"


def test_a_return_after_two_working_days_is_refused(env, staff, clock, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "baoji")
    # Dispatched Tuesday 29 September: two working days end on 8 October, after the holiday.
    clock.set(datetime(2026, 10, 8, 9, 1))
    with pytest.raises(StepNotAllowed, match="time allowed for a return has passed"):
        steps.return_ticket(env, staff.baoji, ticket_id, "不属本市管辖")
    assert status_of(ticket_id) == S.DISPATCHED


def test_an_extension_moves_the_due_date_only_once_approved(env, staff, clock, new_ticket):
    ticket_id = new_ticket(headcount=1)
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    due = Ticket.get_by_id(ticket_id).due_at
    with pytest.raises(InvalidInput, match="1 to 10 working days"):
        steps.request_extension(env, staff.xian, ticket_id, 11, "需要更多时间")
    steps.request_extension(env, staff.xian, ticket_id, 3, "需等待劳动监察结果")
    assert Ticket.get_by_id(ticket_id).due_at == due
    with pytest.raises(PermissionDenied, match="only dispatchers and supervisors"):
        steps.decide_extension(env, staff.agent, ticket_id, approve=True)
    steps.decide_extension(env, staff.supervisor, ticket_id, approve=True, note="同意")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.due_at == env.calendar.add_working_days(due, 3)
    assert not ticket.extension_pending
    assert ExtensionRequest.get().approved is True


def test_a_refused_extension_leaves_the_due_date(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    due = Ticket.get_by_id(ticket_id).due_at
    steps.request_extension(env, staff.xian, ticket_id, 2, "材料未齐")
    with pytest.raises(InvalidInput):
        steps.decide_extension(env, staff.dispatcher, ticket_id, approve=False)  # no reason
    steps.decide_extension(env, staff.dispatcher, ticket_id, approve=False, note="请按期办结")
    assert Ticket.get_by_id(ticket_id).due_at == due
    assert ExtensionRequest.get().approved is False


def test_an_extension_asked_after_the_due_date_is_refused(env, staff, clock, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    clock.set(Ticket.get_by_id(ticket_id).due_at)
    with pytest.raises(StepNotAllowed, match="before the due date"):
        steps.request_extension(env, staff.xian, ticket_id, 2, "来不及")


def test_an_unsatisfied_callback_reopens_the_ticket(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    steps.complete(env, staff.xian, ticket_id, "已协调")
    steps.callback(env, staff.agent, ticket_id, "unsatisfied", "工资仍未到账")
    with pytest.raises(StepNotAllowed, match="reopen the ticket instead"):
        steps.archive(env, staff.supervisor, ticket_id)
    steps.reopen(env, staff.supervisor, ticket_id, "回访不满意，重新派单")
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.NEW and ticket.reopen_count == 1 and ticket.satisfaction is None
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa-yanta")
    assert status_of(ticket_id) == S.DISPATCHED


def test_a_duplicate_is_merged_into_its_master(env, staff, new_ticket):
    master = new_ticket()
    duplicate = new_ticket()
    master_number = Ticket.get_by_id(master).number
    with pytest.raises(StepNotAllowed, match="into itself"):
        steps.merge(env, staff.dispatcher, master, master_number)
    steps.merge(env, staff.dispatcher, duplicate, master_number, "同一批工人重复反映")
    ticket = Ticket.get_by_id(duplicate)
    assert ticket.status == S.MERGED and ticket.merged_into_id == master
    with pytest.raises(InvalidInput, match="no ticket numbered"):
        steps.merge(env, staff.dispatcher, master, "20260101-99999")


def test_the_instruction_rule(env, staff, new_ticket):
    provincial = new_ticket()
    steps.dispatch(env, staff.dispatcher, provincial, "xa")
    with pytest.raises(PermissionDenied, match="main leader of the unit that received it"):
        steps.instruct(env, staff.provincial_leader, provincial, "请西安市总抓紧办理")
    steps.instruct(env, staff.xian_leader, provincial, "请抓紧办理，确保工资发放到位")
    national = new_ticket(origin=TicketOrigin.NATIONAL, channel="national")
    with pytest.raises(PermissionDenied, match="provincial leader"):
        steps.instruct(env, staff.xian_leader, national, "阅")
    steps.instruct(env, staff.provincial_leader, national, "请热线中心督办")
    assert Instruction.select().count() == 2


def test_a_unit_acts_only_on_its_own_tickets(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    with pytest.raises(PermissionDenied, match="not dispatched to your unit"):
        steps.sign(env, staff.baoji, ticket_id)
    with pytest.raises(PermissionDenied, match="only dispatchers take"):
        steps.dispatch(env, staff.agent, new_ticket(), "xa")


def test_the_second_of_two_concurrent_edits_is_told_to_reload(env, staff, new_ticket):
    master = Ticket.get_by_id(new_ticket()).number
    ticket_id = new_ticket()
    seen = Ticket.get_by_id(ticket_id).version
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa", expected_version=seen)
    with pytest.raises(ConcurrentEdit, match="changed by dispatcher at 2026-09-29 09:00:00"):
        steps.merge(env, staff.dispatcher, ticket_id, master, expected_version=seen)
    with pytest.raises(ConcurrentEdit):
        steps.handle_in_office(env, staff.dispatcher, ticket_id, expected_version=seen)
    ticket = Ticket.get_by_id(ticket_id)
    assert ticket.status == S.DISPATCHED and ticket.holder_unit.code == "xa"
    assert steps_of(ticket_id) == ["create", "dispatch"]


def test_payments_are_checked(env, staff, clock, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    for amount, paid_on, message in (
        ("0", date(2026, 9, 28), "greater than zero"),
        ("-5", date(2026, 9, 28), "cannot be negative"),
        ("200000000", date(2026, 9, 28), "not plausible"),
        ("100", date(2026, 10, 30), "in the future"),
    ):
        with pytest.raises(InvalidInput, match=message):
            steps.complete(
                env, staff.xian, ticket_id, "已办结", [steps.PaymentInput(amount, paid_on)]
            )
    assert status_of(ticket_id) == S.IN_PROGRESS
    assert Payment.select().count() == 0
    steps.complete(env, staff.xian, ticket_id, "已办结")
    steps.record_payment(
        env, staff.dispatcher, ticket_id, steps.PaymentInput("8000", date(2026, 9, 29))
    )
    assert Ticket.get_by_id(ticket_id).recovered_total == Decimal("8000.00")


def test_a_ticket_back_at_dispatch_holds_no_active_assignment(env, staff, new_ticket):
    """The invariant the step runner relies on to skip reading a new ticket's assignments."""
    returned = new_ticket()
    steps.dispatch(env, staff.dispatcher, returned, "xa", co_units=["sx-hrss"])
    steps.sign(env, staff.hrss, returned)
    steps.return_ticket(env, staff.xian, returned, "不属本单位管辖")
    reopened = new_ticket()
    steps.dispatch(env, staff.dispatcher, reopened, "xa", co_units=["sx-hrss"])
    steps.sign(env, staff.xian, reopened)
    steps.dispatch_down(env, staff.xian, reopened, "xa-yanta")
    steps.sign(env, staff.yanta, reopened)
    steps.report_up(env, staff.yanta, reopened, "已核实")
    steps.complete(env, staff.xian, reopened, "已办结")
    steps.callback(env, staff.agent, reopened, "unsatisfied")
    steps.reopen(env, staff.supervisor, reopened, "不满意")
    for ticket_id in (returned, reopened):
        assert status_of(ticket_id) == S.NEW
        states = {a.state for a in Assignment.select().where(Assignment.ticket == ticket_id)}
        assert states.isdisjoint({AssignmentState.DISPATCHED, AssignmentState.SIGNED})


def test_an_admins_calendar_override_moves_the_due_dates(env, staff, clock, new_ticket):
    from hotline_desktop.store.models import CalendarOverride

    ticket_id = new_ticket(headcount=1)
    # Declare Wednesday 30 September a holiday: the first working day after Tuesday is 8 October.
    CalendarOverride.create(day=date(2026, 9, 30), workday=False, note="test")
    env.reload_calendar()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    assert Ticket.get_by_id(ticket_id).sign_due_at == datetime(2026, 10, 8, 9, 0)


def test_the_unit_records_a_late_instalment_after_the_ticket_closed(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    steps.complete(env, staff.xian, ticket_id, "首批工资已发放")
    steps.callback(env, staff.agent, ticket_id, "basic")
    steps.archive(env, staff.supervisor, ticket_id)
    late = steps.PaymentInput("12000", date(2026, 9, 29), "第二批")
    steps.record_payment(env, staff.xian, ticket_id, late)
    assert Ticket.get_by_id(ticket_id).recovered_total == Decimal("12000.00")
    with pytest.raises(PermissionDenied):
        steps.record_payment(env, staff.baoji, ticket_id, late)


def test_a_reopened_ticket_mediated_again_keeps_both_mediations(env, staff, new_ticket):
    ticket_id = new_ticket()
    for round_ in ("第一次调解未达成", "第二次调解达成协议"):
        steps.mediate(
            env, staff.dispatcher, ticket_id, worker_consents=True, employer_consents=True
        )
        steps.complete(env, staff.mediator, ticket_id, round_)
        if round_.startswith("第一次"):
            steps.callback(env, staff.agent, ticket_id, "unsatisfied")
            steps.reopen(env, staff.supervisor, ticket_id, "未达成协议")
    outcomes = [m.outcome for m in Mediation.select().order_by(Mediation.id)]
    assert outcomes == ["第一次调解未达成", "第二次调解达成协议"]


def test_a_result_reported_up_leaves_nothing_waiting_for_a_signature(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    steps.dispatch_down(env, staff.xian, ticket_id, "xa-yanta")
    assert Ticket.get_by_id(ticket_id).sign_due_at is not None
    steps.sign(env, staff.yanta, ticket_id)
    steps.report_up(env, staff.yanta, ticket_id, "已核实处理")
    assert Ticket.get_by_id(ticket_id).sign_due_at is None


def test_an_undecided_extension_lapses_and_extensions_add_up_to_the_limit(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa")
    steps.sign(env, staff.xian, ticket_id)
    steps.request_extension(env, staff.xian, ticket_id, 6, "等待仲裁")
    steps.decide_extension(env, staff.supervisor, ticket_id, approve=True)
    with pytest.raises(InvalidInput, match="at most 4 more"):
        steps.request_extension(env, staff.xian, ticket_id, 5, "仍需时间")
    steps.request_extension(env, staff.xian, ticket_id, 4, "仍需时间")
    steps.complete(env, staff.xian, ticket_id, "已办结")
    last = ExtensionRequest.select().order_by(ExtensionRequest.id.desc()).get()
    assert last.approved is False and last.decision_note == "the ticket was completed"
    assert not Ticket.get_by_id(ticket_id).extension_pending


def test_the_history_names_the_units_a_dispatch_brought_in(env, staff, new_ticket):
    ticket_id = new_ticket()
    steps.dispatch(env, staff.dispatcher, ticket_id, "xa", co_units=["sx-hrss"])
    event = TicketEvent.select().where(TicketEvent.step == "dispatch").get()
    assigned = json.loads(event.details)["assigned"]
    xa, hrss = env.reference.unit("xa").id, env.reference.unit("sx-hrss").id
    assert assigned == [[xa, "lead", "dispatched"], [hrss, "co", "dispatched"]]
