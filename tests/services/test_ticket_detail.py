"""The ticket view's data: every field resolved, the history in order, the steps each
user may take, and only the tickets of the user's own units."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from hotline_desktop.domain.errors import NotFound
from hotline_desktop.domain.risk_rules import RiskKind, RiskRule
from hotline_desktop.domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    HandlingMethod,
    Satisfaction,
    TicketStatus,
    UnitKind,
    Urgency,
)
from hotline_desktop.domain.workflow import Step
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.services.ticket_detail import Name, load_ticket_detail, unit_choices
from tests.calls import wage_call

S = TicketStatus


@pytest.fixture
def ticket(env, staff):
    result = log_call(env, staff.agent, wage_call(urgency="urgent"), create_ticket=True)
    return result.ticket_id


def test_every_field_is_resolved_for_display(env, staff, ticket):
    detail = load_ticket_detail(env, staff.dispatcher, ticket)
    assert detail.number == "20260929-00001"
    assert detail.status == S.NEW
    assert detail.phone == "13812345678"  # whole: the view is where the caller is called
    assert (detail.caller_name, detail.employer) == ("张师傅", "陕西某建工集团有限公司")
    assert detail.region == Name("西安市总工会", "Xi'an Federation of Trade Unions")
    assert detail.industry.zh == "建筑业" and detail.employment_form.zh == "农民工"
    assert detail.category == Name("劳动报酬", "Wages and pay")
    assert (detail.headcount, detail.amount_involved) == (13, Decimal("600000.00"))
    assert detail.urgency == Urgency.URGENT
    assert detail.created_by == "agent" and detail.updated_by == "agent"
    assert detail.holder_unit is None and detail.merged_into is None
    assert detail.version == 1


def test_the_whole_history_oldest_first_with_payments_and_assignments(env, staff, clock, ticket):
    steps.dispatch(env, staff.dispatcher, ticket, "xa", co_units=["sx-hrss"], note="请核实")
    clock.set(datetime(2026, 9, 29, 9, 30))
    steps.sign(env, staff.xian, ticket)
    steps.instruct(env, staff.xian_leader, ticket, "请市总工会抓紧督办")
    steps.complete(
        env,
        staff.xian,
        ticket,
        "工资已发放",
        payments=[steps.PaymentInput("300000", date(2026, 9, 28), "第一批")],
    )
    steps.callback(env, staff.agent, ticket, Satisfaction.SATISFIED, "满意")

    detail = load_ticket_detail(env, staff.supervisor, ticket)
    # 13 workers and 600,000 yuan: the risk rules flagged the ticket 众 and 大 at intake.
    assert [entry.step for entry in detail.timeline] == [
        Step.CREATE, Step.RISK_ALERT, Step.RISK_ALERT, Step.DISPATCH, Step.SIGN, Step.INSTRUCT,
        Step.COMPLETE, Step.CALLBACK,
    ]  # fmt: skip
    mass, large = detail.timeline[1], detail.timeline[2]
    assert mass.details["risk_marks"] == ((), (RiskKind.MASS,))
    assert mass.details["rule"] == (None, RiskRule.MASS_HEADCOUNT)
    assert large.details["risk_marks"] == ((RiskKind.MASS,), (RiskKind.MASS, RiskKind.LARGE))
    assert large.details["rule_version"] == (None, 1)
    assert detail.risk_marks == (RiskKind.MASS, RiskKind.LARGE)
    dispatched = detail.timeline[3]
    assert (dispatched.actor, dispatched.from_status, dispatched.to_status) == (
        "dispatcher",
        S.NEW,
        S.DISPATCHED,
    )
    assert dispatched.note == "请核实" and dispatched.unit.zh == "12351热线服务中心"
    before, after = dispatched.details["holder_unit"]
    assert (before, after.zh) == (None, "西安市总工会")
    assert dispatched.details["status"] == (S.NEW, S.DISPATCHED)
    lead, co = dispatched.details["assigned"][1]
    assert (lead[1], co[0].zh, co[1]) == (
        AssignmentRole.LEAD,
        "陕西省人力资源和社会保障厅",
        AssignmentRole.CO,
    )
    assert detail.status == S.CALLED_BACK and detail.satisfaction == Satisfaction.SATISFIED
    assert detail.handling == HandlingMethod.DISPATCH
    assert detail.receiving_unit.zh == "西安市总工会"
    assert detail.result == "工资已发放" and detail.recovered_total == Decimal("300000.00")
    [payment] = detail.payments
    assert (payment.amount, payment.paid_on, payment.note, payment.recorded_by) == (
        Decimal("300000.00"),
        date(2026, 9, 28),
        "第一批",
        "xian",
    )
    [instruction] = detail.instructions
    assert (instruction.leader, instruction.text) == ("xa-leader", "请市总工会抓紧督办")
    assert [(a.unit.zh, a.role, a.state) for a in detail.assignments] == [
        ("西安市总工会", AssignmentRole.LEAD, AssignmentState.COMPLETED),
        ("陕西省人力资源和社会保障厅", AssignmentRole.CO, AssignmentState.COMPLETED),
    ]
    assert detail.assignments[0].signed_by == "xian"
    assert detail.completed_at == datetime(2026, 9, 29, 9, 30)
    assert detail.version == 6


def test_the_steps_offered_depend_on_who_asks(env, staff, ticket):
    assert load_ticket_detail(env, staff.dispatcher, ticket).steps == (
        Step.DISPATCH, Step.HANDLE_IN_OFFICE, Step.MEDIATE, Step.MERGE,
    )  # fmt: skip
    assert load_ticket_detail(env, staff.agent, ticket).steps == ()
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    assert load_ticket_detail(env, staff.dispatcher, ticket).steps == (
        Step.MERGE, Step.REMIND, Step.ESCALATE,
    )  # fmt: skip
    assert load_ticket_detail(env, staff.xian, ticket).steps == (Step.SIGN, Step.RETURN)
    steps.sign(env, staff.xian, ticket)
    assert load_ticket_detail(env, staff.xian, ticket).steps == (
        Step.PROGRESS, Step.DISPATCH_DOWN, Step.REQUEST_EXTENSION, Step.RETURN, Step.COMPLETE,
        Step.RECORD_PAYMENT,
    )  # fmt: skip
    assert load_ticket_detail(env, staff.xian_leader, ticket).steps == (Step.INSTRUCT,)


def test_a_unit_opens_only_the_tickets_of_its_subtree(env, staff, ticket):
    with pytest.raises(NotFound):
        load_ticket_detail(env, staff.xian, ticket)  # not dispatched yet
    steps.dispatch(env, staff.dispatcher, ticket, "xa-yanta", co_units=["sx-hrss"])
    assert load_ticket_detail(env, staff.xian, ticket).holder_unit.zh == "西安市雁塔区总工会"
    assert load_ticket_detail(env, staff.yanta, ticket).steps == (Step.SIGN, Step.RETURN)
    # The co-handling unit opens it too: it must sign for it.
    assert load_ticket_detail(env, staff.hrss, ticket).steps == (Step.SIGN,)
    assert load_ticket_detail(env, staff.provincial_leader, ticket).number
    with pytest.raises(NotFound):
        load_ticket_detail(env, staff.baoji, ticket)


def test_a_missing_ticket_is_not_found(env, staff):
    with pytest.raises(NotFound):
        load_ticket_detail(env, staff.dispatcher, 4711)


def test_a_merged_ticket_names_its_master(env, staff, ticket):
    duplicate = log_call(
        env, staff.agent, CallInput(phone="13812345678", description="同一欠薪"), create_ticket=True
    ).ticket_id
    steps.merge(env, staff.dispatcher, duplicate, "20260929-00001")
    detail = load_ticket_detail(env, staff.dispatcher, duplicate)
    assert (detail.status, detail.merged_into) == (S.MERGED, "20260929-00001")


def test_the_dispatch_tree_offers_targets_under_the_province(env, staff, ticket):
    choices = {
        c.unit.code: c
        for c in load_ticket_detail(env, staff.dispatcher, ticket).unit_choices[Step.DISPATCH]
    }
    assert "sx" not in choices and "acftu" not in choices  # the shared ancestors
    assert "sx-centre" not in choices and "sx-office" not in choices
    assert choices["xa"].may_lead and choices["xa"].parent_id is None
    assert choices["xa-yanta"].parent_id == choices["xa"].unit.id
    hrss = choices["sx-hrss"]
    assert (hrss.may_lead, hrss.may_co_handle) == (False, True)
    kinds = {UnitKind(c.unit.kind) for c in choices.values()}
    assert UnitKind.PARTNER in kinds and UnitKind.CENTRE not in kinds


def test_dispatching_down_offers_the_units_under_the_holder(env, staff, ticket):
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    detail = load_ticket_detail(env, staff.xian, ticket)
    choices = {c.unit.code: c for c in detail.unit_choices[Step.DISPATCH_DOWN]}
    assert "xa" not in choices and "baoji" not in choices
    assert choices["xa-yanta"].parent_id is None
    assert choices["xa-yanta-qinzhu"].parent_id == choices["xa-yanta"].unit.id
    assert all(c.may_lead and not c.may_co_handle for c in choices.values())
    assert unit_choices(env, Step.DISPATCH_DOWN, None) == []
