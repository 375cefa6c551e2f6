"""The 1155 alerts: every rule kind, the repeat logic, versions, playbooks, the actions."""

from __future__ import annotations

import pytest

from hotline_desktop.domain.alerts import AlertAction, AlertState
from hotline_desktop.domain.errors import InvalidInput, PermissionDenied, StepNotAllowed
from hotline_desktop.domain.queue_marks import Mark
from hotline_desktop.domain.risk_rules import AlertLevel, RiskKind, RiskRule
from hotline_desktop.domain.vocabulary import AssignmentState, HandlingMethod, TicketStatus
from hotline_desktop.services import alert_actions, rule_versions
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.alert_list import (
    alert_detail,
    alert_rows,
    alerts_of_ticket,
    unacknowledged_count,
)
from hotline_desktop.services.intake import log_call
from hotline_desktop.services.queue import QueueFilter, queue_page
from hotline_desktop.services.ticket_detail import load_ticket_detail
from hotline_desktop.store.models import Alert, RiskRuleSet, Ticket
from tests.calls import wage_call

QUIET = dict(headcount=2, amount="3000", description="公司拖欠我和同事两个月工资，共三千元。")


def call(env, staff, **overrides):
    fields = {**QUIET, **overrides}
    return log_call(env, staff.agent, wage_call(**fields), create_ticket=True).ticket_id


def kinds(env, ticket_id):
    return sorted((row.kind.value, row.rule.value) for row in alerts_of_ticket(env, ticket_id))


def test_a_quiet_call_raises_nothing(env, staff):
    ticket = call(env, staff)
    assert kinds(env, ticket) == []
    assert unacknowledged_count(env) == 0


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (dict(description="老板再不给钱我就从楼上跳下去，我要跳楼。"), ("danger", "danger_words")),
        (dict(headcount=13), ("mass", "mass_headcount")),
        (dict(description="工人们说明天要集体去公司门口讨薪。"), ("mass", "mass_words")),
        (dict(amount="600000"), ("large", "large_amount")),
        (dict(description="工地欠薪的事已经在抖音上发了视频。"), ("hidden", "hidden_words")),
        (
            dict(description="欠薪事件已造成恶劣社会影响，请尽快处理。"),
            ("large", "large_words"),
        ),
    ],
)
def test_each_rule_kind_raises_its_alert(env, staff, overrides, expected):
    ticket = call(env, staff, **overrides)
    assert kinds(env, ticket) == [expected]
    (row,) = alert_rows(env)
    assert row.rule_version == 1
    assert row.state == AlertState.NEW
    assert Ticket.get_by_id(ticket).risk_marks == expected[0]


def test_an_alert_names_its_reason_level_and_rule_version(env, staff):
    ticket = call(env, staff, headcount=13, description="十三名木工被拖欠工资六十余万元。")
    rows = {row.kind: row for row in alerts_of_ticket(env, ticket)}
    assert set(rows) == {RiskKind.MASS, RiskKind.LARGE}
    assert rows[RiskKind.MASS].reason == "involves 十三名木工 (at least 10)"
    assert rows[RiskKind.LARGE].level == AlertLevel.HIGH
    assert unacknowledged_count(env) == 2


def test_the_third_report_about_one_employer_raises_one_alert_for_all(env, staff, clock):
    names = ("陕西某建工集团", "陕西某建工集团有限公司", "陕西某建工集团公司")
    tickets = []
    for number, name in enumerate(names):
        # Three callers: only the employer repeats.
        tickets.append(call(env, staff, employer_name=name, phone=f"1390000000{number}"))
    (alert,) = [row for row in alert_rows(env) if row.kind == RiskKind.REPEATED]
    assert alert.rule == RiskRule.REPEAT_EMPLOYER
    detail = alert_detail(env, alert.id)
    assert sorted(t.id for t in detail.tickets) == sorted(tickets)
    for ticket in tickets:
        assert Ticket.get_by_id(ticket).risk_marks == "repeated"
    # A fourth report joins the open alert instead of raising another.
    fourth = call(env, staff, employer_name="陕西某建工集团", phone="13900000009")
    assert [row.kind for row in alert_rows(env)].count(RiskKind.REPEATED) == 1
    assert fourth in {t.id for t in alert_detail(env, alert.id).tickets}


def test_reports_outside_the_window_do_not_count(env, staff, clock):
    from datetime import timedelta

    call(env, staff, phone="13900000001")
    clock.set(clock.moment + timedelta(days=31))
    call(env, staff, phone="13900000002")
    third = call(env, staff, phone="13900000003")
    assert kinds(env, third) == []


def test_the_same_caller_again_and_again(env, staff):
    for number in range(3):
        last = call(env, staff, employer_name=f"第{number}家公司")
    assert kinds(env, last) == [("repeated", "repeat_caller")]


def test_an_admins_edit_is_a_new_version_that_new_alerts_name(env, staff):
    data = rule_versions.current_rules(env).to_dict()
    data["mass_headcount"] = 5
    saved = rule_versions.save_rules(env, staff.admin, data, "五人以上即为众")
    assert saved.version == 2
    ticket = call(env, staff, headcount=6)
    (row,) = alerts_of_ticket(env, ticket)
    assert (row.kind, row.rule_version) == (RiskKind.MASS, 2)
    versions = rule_versions.rule_versions(env)
    assert [(v.version, v.saved_by) for v in versions] == [(2, "admin"), (1, "")]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("danger_words", ["跳楼("]),
        ("danger_words", []),
        ("hidden_words", ["媒体|"]),
        ("mass_headcount", -3),
        ("large_amount", "-1"),
        ("repeat_window_days", "三十"),
    ],
)
def test_a_rule_that_cannot_work_is_refused_and_the_old_one_stays(env, staff, field, value):
    data = rule_versions.current_rules(env).to_dict()
    data[field] = value
    with pytest.raises(InvalidInput) as refused:
        rule_versions.save_rules(env, staff.admin, data)
    assert refused.value.field == field
    assert RiskRuleSet.select().count() == 1
    assert rule_versions.current_rules(env).version == 1


def test_an_empty_playbook_is_refused(env, staff):
    data = rule_versions.current_rules(env).to_dict()
    data["playbooks"]["danger"] = ["  "]
    with pytest.raises(InvalidInput) as refused:
        rule_versions.save_rules(env, staff.admin, data)
    assert refused.value.field == "playbook_danger"


def test_only_admins_edit_the_rules(env, staff):
    data = rule_versions.current_rules(env).to_dict()
    with pytest.raises(PermissionDenied):
        rule_versions.save_rules(env, staff.supervisor, data)


def test_the_agent_overrides_or_adds_warning_items(env, staff):
    overridden = log_call(
        env,
        staff.agent,
        wage_call(**{**QUIET, "headcount": 13}, risks_dismissed=frozenset({"mass"})),
        create_ticket=True,
    ).ticket_id
    assert kinds(env, overridden) == []
    added = log_call(
        env,
        staff.agent,
        wage_call(**QUIET, risks_added=frozenset({"hidden"})),
        create_ticket=True,
    ).ticket_id
    assert kinds(env, added) == [("hidden", "agent_judgement")]
    # The override holds when the rules look again at a later change.
    steps.dispatch(env, staff.dispatcher, overridden, "xa")
    assert kinds(env, overridden) == []


def test_a_change_of_the_ticket_is_judged_by_the_rules_in_force(env, staff):
    ticket = call(env, staff, headcount=6)
    assert kinds(env, ticket) == []
    data = rule_versions.current_rules(env).to_dict()
    data["mass_headcount"] = 5
    rule_versions.save_rules(env, staff.admin, data)
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    assert kinds(env, ticket) == [("mass", "mass_headcount")]
    timeline = load_ticket_detail(env, staff.dispatcher, ticket).timeline
    assert timeline[-1].details["risk_marks"][1] == (RiskKind.MASS,)


def test_a_resolved_alert_is_not_raised_again_by_the_next_change(env, staff):
    ticket = call(env, staff, headcount=13)
    (row,) = alerts_of_ticket(env, ticket)
    alert_actions.resolve(env, staff.supervisor, row.id, "已联系西安市总工会现场处置")
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    assert [r.state for r in alerts_of_ticket(env, ticket)] == [AlertState.RESOLVED]


def test_the_playbook_is_ticked_off_with_who_and_when(env, staff, clock):
    ticket = call(env, staff, description="他说今天拿不到钱就跳楼。")
    (row,) = alerts_of_ticket(env, ticket)
    playbook = alert_detail(env, row.id).playbook
    assert len(playbook) == 5 and not any(step.ticked_at for step in playbook)
    alert_actions.tick(env, staff.supervisor, row.id, 0)
    alert_actions.tick(env, staff.dispatcher, row.id, 1)
    alert_actions.tick(env, staff.dispatcher, row.id, 1, done=False)
    detail = alert_detail(env, row.id)
    assert (detail.playbook[0].ticked_by, detail.playbook[0].ticked_at) == (
        "supervisor",
        clock.moment,
    )
    assert detail.playbook[1].ticked_at is None
    assert detail.row.state == AlertState.ACKNOWLEDGED
    actions = [entry.action for entry in detail.history]
    assert actions == [
        AlertAction.RAISED,
        AlertAction.TICKED,
        AlertAction.TICKED,
        AlertAction.UNTICKED,
    ]
    with pytest.raises(InvalidInput):
        alert_actions.tick(env, staff.supervisor, row.id, 9)


def test_an_edited_playbook_changes_the_alerts_to_come(env, staff):
    first = call(env, staff, description="扬言要跳楼")
    data = rule_versions.current_rules(env).to_dict()
    data["playbooks"]["danger"] = ["立即报警", "通知属地工会"]
    rule_versions.save_rules(env, staff.admin, data)
    second = call(env, staff, description="扬言要跳楼", phone="13900000005")
    (old,), (new,) = alerts_of_ticket(env, first), alerts_of_ticket(env, second)
    assert len(alert_detail(env, old.id).playbook) == 5
    assert [s.text for s in alert_detail(env, new.id).playbook] == ["立即报警", "通知属地工会"]


def test_acknowledge_assign_and_resolve(env, staff):
    ticket = call(env, staff, amount="800000")
    (row,) = alerts_of_ticket(env, ticket)
    alert_actions.acknowledge(env, staff.dispatcher, row.id)
    assert unacknowledged_count(env) == 0
    with pytest.raises(StepNotAllowed):
        alert_actions.acknowledge(env, staff.supervisor, row.id)
    alert_actions.assign(env, staff.dispatcher, row.id, staff.supervisor.user_id)
    assert alert_detail(env, row.id).row.assigned_to == "supervisor"
    with pytest.raises(InvalidInput):
        alert_actions.assign(env, staff.dispatcher, row.id, staff.xian.user_id)
    with pytest.raises(InvalidInput) as refused:
        alert_actions.resolve(env, staff.supervisor, row.id, "  ")
    assert refused.value.field == "resolution"
    alert_actions.resolve(env, staff.supervisor, row.id, "已督促企业分批支付")
    detail = alert_detail(env, row.id)
    assert (detail.row.state, detail.resolution) == (AlertState.RESOLVED, "已督促企业分批支付")
    assert Alert.get_by_id(row.id).open_key is None
    with pytest.raises(StepNotAllowed):
        alert_actions.tick(env, staff.supervisor, row.id, 0)


def test_agents_and_units_do_not_act_on_alerts(env, staff):
    ticket = call(env, staff, amount="800000")
    (row,) = alerts_of_ticket(env, ticket)
    for actor in (staff.agent, staff.xian, staff.provincial_leader):
        with pytest.raises(PermissionDenied):
            alert_actions.acknowledge(env, actor, row.id)


def test_escalation_moves_the_ticket_to_the_office(env, staff):
    ticket = call(env, staff, description="工人们扬言要堵路。")
    steps.dispatch(env, staff.dispatcher, ticket, "xa", ["sx-hrss"])
    steps.sign(env, staff.xian, ticket)
    (row,) = alerts_of_ticket(env, ticket)
    alert_actions.escalate(env, staff.supervisor, row.id, "危情提级办理")
    detail = load_ticket_detail(env, staff.supervisor, ticket)
    assert detail.status == TicketStatus.IN_PROGRESS
    assert detail.handling == HandlingMethod.OFFICE
    assert detail.holder_unit.zh == "省总热线领导小组办公室"
    states = {(a.unit.zh, a.state) for a in detail.assignments}
    assert ("西安市总工会", AssignmentState.WITHDRAWN) in states
    assert ("陕西省人力资源和社会保障厅", AssignmentState.WITHDRAWN) in states
    assert alert_detail(env, row.id).row.state == AlertState.ESCALATED
    # The office works it now: escalating again says so and changes nothing.
    second = call(env, staff, description="工人们扬言要堵路。", phone="13900000006")
    steps.handle_in_office(env, staff.dispatcher, second)
    (other,) = alerts_of_ticket(env, second)
    with pytest.raises(StepNotAllowed):
        alert_actions.escalate(env, staff.supervisor, other.id)
    assert alert_detail(env, other.id).row.state == AlertState.NEW


def test_a_reminder_is_recorded_on_the_ticket_and_shown_to_the_unit(env, staff):
    ticket = call(env, staff)
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.remind(env, staff.supervisor, ticket, "请尽快签收")
    detail = load_ticket_detail(env, staff.xian, ticket)
    assert detail.reminder_count == 1
    assert detail.timeline[-1].note == "请尽快签收"
    (row,) = queue_page(env, staff.xian, QueueFilter())
    assert Mark.REMINDED in row.marks
    with pytest.raises(PermissionDenied):
        steps.remind(env, staff.xian, ticket)


def test_the_queue_shows_the_warning_items(env, staff):
    call(env, staff, headcount=13, description="十三名工人说要去堵路。")
    (row,) = queue_page(env, staff.dispatcher, QueueFilter())
    assert row.marks == (Mark.DANGER, Mark.MASS)


def test_escalating_a_repeat_alert_takes_every_open_ticket_it_covers(env, staff):
    tickets = [call(env, staff, phone=f"1390000001{n}") for n in range(3)]
    steps.dispatch(env, staff.dispatcher, tickets[0], "xa")
    (alert,) = [row for row in alert_rows(env) if row.kind == RiskKind.REPEATED]
    alert_actions.escalate(env, staff.supervisor, alert.id, "同一企业多次被反映，提级")
    for ticket in tickets:
        assert Ticket.get_by_id(ticket).handling == HandlingMethod.OFFICE.value


def test_another_report_puts_an_acknowledged_repeat_alert_back_before_the_centre(env, staff):
    for n in range(3):
        call(env, staff, phone=f"1390000002{n}")
    (alert,) = [row for row in alert_rows(env) if row.kind == RiskKind.REPEATED]
    alert_actions.acknowledge(env, staff.supervisor, alert.id)
    assert unacknowledged_count(env) == 0
    call(env, staff, phone="13900000029")
    assert unacknowledged_count(env) == 1


def test_a_ticket_whose_agent_dismissed_the_item_is_linked_but_not_marked(env, staff):
    first = log_call(
        env,
        staff.agent,
        wage_call(**QUIET, phone="13900000031", risks_dismissed=frozenset({"repeated"})),
        create_ticket=True,
    ).ticket_id
    for n in range(2, 4):
        call(env, staff, phone=f"1390000003{n}")
    assert Ticket.get_by_id(first).risk_marks == ""


def test_a_reminder_leaves_the_units_open_form_current(env, staff):
    ticket = call(env, staff)
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)
    seen = Ticket.get_by_id(ticket).version
    steps.remind(env, staff.supervisor, ticket, "请加快办理")
    steps.record_progress(env, staff.xian, ticket, "已约谈企业", expected_version=seen)


def test_an_admin_saving_over_a_version_saved_meanwhile_is_refused(env, staff):
    data = rule_versions.current_rules(env).to_dict()
    rule_versions.save_rules(env, staff.admin, {**data, "mass_headcount": 8}, base_version=1)
    with pytest.raises(StepNotAllowed) as refused:
        rule_versions.save_rules(env, staff.admin, {**data, "mass_headcount": 20}, base_version=1)
    assert "saved version 2" in refused.value.reason
    assert rule_versions.current_rules(env).mass_headcount == 8


def test_the_tickets_other_alerts_go_with_it_to_the_office(env, staff):
    ticket = call(env, staff, headcount=13, amount="800000")
    rows = {row.kind: row for row in alerts_of_ticket(env, ticket)}
    alert_actions.escalate(env, staff.supervisor, rows[RiskKind.MASS].id, "提级办理")
    large = alert_detail(env, rows[RiskKind.LARGE].id)
    assert large.row.state == AlertState.ESCALATED
    assert large.history[-1].note == "提级办理"
