"""Time-limit alerts: raised by the sweep, cleared when their cause goes, counted in
working time across the National Day holiday."""

from __future__ import annotations

from datetime import datetime

from hotline_desktop.domain.alerts import AlertAction, AlertState, TimeLimitKind
from hotline_desktop.domain.risk_rules import AlertLevel
from hotline_desktop.services import alert_actions, rule_versions
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.alert_list import alert_detail, alert_rows, alerts_of_ticket
from hotline_desktop.services.intake import log_call
from hotline_desktop.services.ticket_detail import load_ticket_detail
from hotline_desktop.services.time_limit_sweep import sweep_time_limits
from tests.calls import wage_call

QUIET = dict(headcount=2, amount="3000", description="公司拖欠我和同事两个月工资，共三千元。")


def open_time_alerts(env, ticket):
    return sorted(
        row.kind.value
        for row in alerts_of_ticket(env, ticket)
        if isinstance(row.kind, TimeLimitKind) and row.state != AlertState.RESOLVED
    )


def test_signing_due_soon_then_overdue_then_signed(env, staff, clock):
    ticket = log_call(env, staff.agent, wage_call(**QUIET), create_ticket=True).ticket_id
    steps.dispatch(env, staff.dispatcher, ticket, "xa")  # sign by Wednesday 09:00
    assert sweep_time_limits(env).raised == ()

    clock.set(datetime(2026, 9, 30, 8, 30))
    assert len(sweep_time_limits(env).raised) == 1
    assert open_time_alerts(env, ticket) == ["due_soon"]

    clock.set(datetime(2026, 9, 30, 9, 30))
    result = sweep_time_limits(env)
    assert (len(result.raised), result.cleared) == (1, 1)
    assert open_time_alerts(env, ticket) == ["sign_overdue"]
    # Sweeping again, here or on another workstation, raises nothing twice.
    assert sweep_time_limits(env).raised == ()
    (overdue,) = [r for r in alert_rows(env, (AlertState.NEW,))]
    assert (overdue.level, overdue.rule_version) == (AlertLevel.MEDIUM, 1)

    alert_actions.remind(env, staff.supervisor, overdue.id, "请今天内签收")
    assert load_ticket_detail(env, staff.xian, ticket).reminder_count == 1
    actions = [e.action for e in alert_detail(env, overdue.id).history]
    assert actions == [AlertAction.RAISED, AlertAction.REMINDED]

    steps.sign(env, staff.xian, ticket)
    assert sweep_time_limits(env).cleared == 1
    assert open_time_alerts(env, ticket) == []
    assert alert_detail(env, overdue.id).history[-1].action == AlertAction.CLEARED

    # Five working days from Tuesday, the holiday week not counted: Monday 12 October.
    clock.set(datetime(2026, 10, 12, 10, 0))
    sweep_time_limits(env)
    (late,) = [r for r in alerts_of_ticket(env, ticket) if r.state == AlertState.NEW]
    assert (late.kind, late.level) == (TimeLimitKind.OVERDUE, AlertLevel.HIGH)


def test_due_soon_is_counted_in_working_time_across_the_holiday(env, staff, clock):
    data = rule_versions.current_rules(env).to_dict()
    data["complete_due_soon_hours"] = 48
    rule_versions.save_rules(env, staff.admin, data)
    urgent = wage_call(**QUIET, urgency="urgent")
    ticket = log_call(env, staff.agent, urgent, create_ticket=True).ticket_id
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.sign(env, staff.xian, ticket)  # urgent: complete in 3 working days, by 9 October
    assert load_ticket_detail(env, staff.xian, ticket).due_at == datetime(2026, 10, 9, 9, 0)

    clock.set(datetime(2026, 9, 30, 8, 0))  # 73 working hours left
    sweep_time_limits(env)
    assert open_time_alerts(env, ticket) == []
    # The last afternoon before the holiday: nine days away by the clock, but only 40
    # working hours; the office hears of it before it leaves for the week.
    clock.set(datetime(2026, 9, 30, 17, 0))
    sweep_time_limits(env)
    assert open_time_alerts(env, ticket) == ["due_soon"]
    (row,) = alerts_of_ticket(env, ticket)
    assert row.rule_version == 2


def test_no_alert_for_tickets_done_or_not_yet_dispatched(env, staff, clock):
    log_call(env, staff.agent, wage_call(**QUIET), create_ticket=True)
    clock.set(datetime(2026, 10, 20, 9, 0))
    assert sweep_time_limits(env).raised == ()


def test_a_resolved_time_limit_alert_is_not_raised_again(env, staff, clock):
    ticket = log_call(env, staff.agent, wage_call(**QUIET), create_ticket=True).ticket_id
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    clock.set(datetime(2026, 9, 30, 9, 30))
    (raised,) = sweep_time_limits(env).raised
    alert_actions.resolve(env, staff.supervisor, raised, "已电话督促西安市总工会签收")
    clock.set(datetime(2026, 9, 30, 9, 31))
    assert sweep_time_limits(env).raised == ()
    assert open_time_alerts(env, ticket) == []
