"""The queue service: filters, saved views, sorting and paging, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hotline_desktop.domain.queue_marks import Deadline, Mark
from hotline_desktop.domain.vocabulary import TicketStatus
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.services.queue import (
    QueueColumn,
    QueueFilter,
    QueueOrder,
    SavedView,
    queue_count,
    queue_page,
)
from hotline_desktop.store.models import Ticket


@pytest.fixture
def make_ticket(env, staff, clock):
    def make(description="外卖骑手反映平台无故罚款", minutes_later=1, **fields):
        clock.set(clock.moment + timedelta(minutes=minutes_later))
        values = dict(phone="13800001111", category_code="platform_rights")
        values.update(fields)
        result = log_call(
            env, staff.agent, CallInput(description=description, **values), create_ticket=True
        )
        return result.ticket_id

    return make


def numbers(rows):
    return [row.number for row in rows]


def ids(rows):
    return [row.id for row in rows]


def test_every_page_follows_the_last_in_every_order_and_from_either_end(
    env, staff, make_ticket, monkeypatch
):
    made = [
        make_ticket(
            employer_name=f"单位{index % 4}",
            phone=f"1380000{index % 5:04d}",
            category_code=("wages", "platform_rights", "work_injury")[index % 3],
            urgency="urgent" if index % 7 == 0 else "normal",
        )
        for index in range(23)
    ]
    steps.dispatch(env, staff.dispatcher, made[3], "xa")
    steps.dispatch(env, staff.dispatcher, made[5], "baoji")
    # A search walks the index's own order on SQLite: the same pages must come out.
    for queue in (QueueFilter(), QueueFilter(text="罚款")):
        check_paging(env, staff, queue, made)


def check_paging(env, staff, queue, made):
    for column in QueueColumn:
        for descending in (True, False):
            order = QueueOrder(column, descending)
            everything = queue_page(env, staff.dispatcher, queue, order, limit=100)
            assert sorted(ids(everything)) == sorted(made)
            # Page by page from each row's key gives the same list...
            paged, after = [], None
            while page := queue_page(env, staff.dispatcher, queue, order, after=after, limit=5):
                paged += page
                after = page[-1].key
            assert ids(paged) == ids(everything), (column, descending)
            # ... and so do offsets, counted from the start or from the end.
            assert ids(queue_page(env, staff.dispatcher, queue, order, offset=5, limit=5)) == ids(
                everything[5:10]
            )
            tail = queue_page(env, staff.dispatcher, queue, order, from_end=True, limit=4)
            assert ids(tail) == ids(everything[-4:])
            before = queue_page(
                env, staff.dispatcher, queue, order, from_end=True, after=tail[0].key, limit=3
            )
            assert ids(before) == ids(everything[-7:-4])


def test_newest_first_by_default_and_each_column_sorts_as_a_user_expects(env, staff, make_ticket):
    first = make_ticket(employer_name="乙公司", phone="13900000002")
    second = make_ticket(employer_name="甲公司", phone="13900000001", urgency="urgent")
    rows = queue_page(env, staff.dispatcher, QueueFilter())
    assert ids(rows) == [second, first]
    by_phone = queue_page(
        env, staff.dispatcher, QueueFilter(), QueueOrder(QueueColumn.CALLER, False)
    )
    assert ids(by_phone) == [second, first]
    assert by_phone[0].caller_phone == "139****0001"
    urgent_first = queue_page(
        env, staff.dispatcher, QueueFilter(), QueueOrder(QueueColumn.MARKS, True)
    )
    assert urgent_first[0].marks == (Mark.URGENT,)


def test_filters_narrow_the_queue_and_the_count_agrees(env, staff, make_ticket, clock):
    wages = make_ticket(
        "某工地拖欠农民工工资三个月", category_code="wages", employment_form_code="migrant"
    )
    ride = make_ticket("外卖骑手被平台无故罚款", employment_form_code="delivery_rider")
    yanta = make_ticket("快递员工伤认定遇到困难", category_code="work_injury")
    steps.dispatch(env, staff.dispatcher, yanta, "xa-yanta")
    steps.dispatch(env, staff.dispatcher, ride, "baoji")
    wages_category = env.reference.category_id("wages")
    xian = env.reference.unit("xa").id

    def shown(**fields):
        queue = QueueFilter(**fields)
        rows = queue_page(env, staff.dispatcher, queue)
        assert queue_count(env, staff.dispatcher, queue) == len(rows)
        return set(ids(rows))

    assert shown() == {wages, ride, yanta}
    assert shown(status=TicketStatus.NEW) == {wages}
    assert shown(category_id=wages_category) == {wages}
    assert shown(unit_id=xian) == {yanta}  # 雁塔区 lies under 西安市
    assert shown(employment_form_id=env.reference.form_id("delivery_rider")) == {ride}
    assert shown(text="工伤认定") == {yanta}
    assert shown(text="拖欠 工资") == {wages}
    assert shown(text="罚款", status=TicketStatus.NEW) == set()
    today = clock.moment.date()
    assert shown(received_from=today, received_to=today) == {wages, ride, yanta}
    assert shown(received_to=today - timedelta(days=1)) == set()
    assert shown(received_from=today + timedelta(days=1)) == set()


def test_deadlines_and_the_saved_views(env, staff, make_ticket, clock):
    new = make_ticket()
    to_sign = make_ticket()
    steps.dispatch(env, staff.dispatcher, to_sign, "xa", co_units=["sx-hrss"])
    signed = make_ticket()
    steps.dispatch(env, staff.dispatcher, signed, "xa")
    steps.sign(env, staff.xian, signed)
    due = Ticket.get_by_id(signed).due_at

    def view(actor, saved, **fields):
        return set(ids(queue_page(env, actor, QueueFilter(view=saved, **fields))))

    assert view(staff.dispatcher, SavedView.TO_DISPATCH) == {new}
    assert view(staff.xian, SavedView.TO_SIGN) == {to_sign}
    assert view(staff.hrss, SavedView.TO_SIGN) == {to_sign}  # co-handlers sign too
    assert view(staff.agent, SavedView.MINE) == {new, to_sign, signed}
    assert view(staff.dispatcher, SavedView.MINE) == set()
    assert view(staff.xian, SavedView.MINE) == {to_sign, signed}
    assert view(staff.dispatcher, SavedView.OVERDUE) == set()

    # A dispatched ticket runs against its signing deadline, a signed one its completion.
    sign_due = Ticket.get_by_id(to_sign).sign_due_at
    clock.set(sign_due - timedelta(minutes=30))
    assert view(staff.dispatcher, SavedView.DUE_SOON) == {to_sign}
    clock.set(sign_due + timedelta(minutes=1))
    assert view(staff.dispatcher, SavedView.OVERDUE) == {to_sign}
    clock.set(due - timedelta(hours=3))
    assert view(staff.dispatcher, SavedView.DUE_SOON) == {signed}
    assert view(staff.dispatcher, SavedView.ALL, deadline=Deadline.DUE_SOON) == {signed}
    clock.set(due + timedelta(minutes=1))
    assert view(staff.dispatcher, SavedView.OVERDUE) == {signed, to_sign}
    assert signed not in view(staff.dispatcher, SavedView.DUE_SOON)
    steps.complete(env, staff.xian, signed, "已协调支付")
    # Completed: now the callback is what runs late, not the completion.
    assert signed not in view(staff.dispatcher, SavedView.OVERDUE)
    callback_due = Ticket.get_by_id(signed).callback_due_at
    clock.set(callback_due + timedelta(minutes=1))
    assert signed in view(staff.dispatcher, SavedView.OVERDUE)


def test_a_unit_sees_its_own_part_of_the_tree_only(env, staff, make_ticket):
    yanta = make_ticket()
    baoji = make_ticket()
    make_ticket()
    steps.dispatch(env, staff.dispatcher, yanta, "xa-yanta")
    steps.dispatch(env, staff.dispatcher, baoji, "baoji")
    assert ids(queue_page(env, staff.xian, QueueFilter())) == [yanta]
    assert ids(queue_page(env, staff.yanta, QueueFilter())) == [yanta]
    assert queue_count(env, staff.baoji, QueueFilter()) == 1
    assert queue_count(env, staff.provincial_leader, QueueFilter()) == 3


def test_marks_show_what_needs_care(env, staff, make_ticket):
    ticket = make_ticket(headcount=13, amount="600000", urgency="urgent")
    steps.dispatch(env, staff.dispatcher, ticket, "xa")
    steps.return_ticket(env, staff.xian, ticket, "不属于本单位辖区")
    (row,) = queue_page(env, staff.dispatcher, QueueFilter())
    # 众 and 大 are the risk rules' flags: 13 workers and 600,000 yuan pass their thresholds.
    assert row.marks == (Mark.URGENT, Mark.MASS, Mark.LARGE, Mark.RETURNED)


def test_received_dates_are_whole_days(env, staff, make_ticket, clock):
    clock.set(datetime(2026, 9, 29, 23, 58))
    late = make_ticket()
    clock.set(datetime(2026, 9, 30, 0, 1))
    early = make_ticket()
    day = date(2026, 9, 29)
    assert ids(queue_page(env, staff.dispatcher, QueueFilter(received_to=day))) == [late]
    assert ids(queue_page(env, staff.dispatcher, QueueFilter(received_from=day))) == [early, late]


def test_a_search_looked_for_among_the_newest_first_pages_the_same(
    env, staff, make_ticket, monkeypatch
):
    made = [
        make_ticket(f"第{index}位骑手被罚款" if index % 3 else "咨询社保") for index in range(20)
    ]
    riders = [ticket for index, ticket in enumerate(made) if index % 3][::-1]
    # Windows far smaller than the list: most pages need the wider try, or all tickets.
    monkeypatch.setattr(env.search, "newest_windows", (2, 5))
    queue, paged, after = QueueFilter(text="骑手"), [], None
    while page := queue_page(env, staff.dispatcher, queue, after=after, limit=4):
        paged += page
        after = page[-1].key
    assert ids(paged) == riders
