"""A smoke run on MariaDB/MySQL: the schema, a ticket's lifecycle, search and the figures."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.figures import headline_figures
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.store.models import Ticket, TicketEvent


@pytest.mark.parametrize("engine", ["mysql"], indirect=True)
def test_a_ticket_lives_its_whole_life_on_mariadb(env, staff, clock):
    agent, dispatcher, handler = staff.agent, staff.dispatcher, staff.xian
    clock.set(datetime(2026, 11, 27, 10, 0))
    result = log_call(
        env,
        agent,
        CallInput(
            phone="13912345678",
            description="网约车司机反映平台抽成过高，且被无故封号，要求恢复账号",
            category_code="platform_rights",
            employer_name="某出行科技有限公司",
        ),
        create_ticket=True,
    )
    steps.dispatch(env, dispatcher, result.ticket_id, "xa")
    steps.sign(env, handler, result.ticket_id)
    steps.complete(
        env,
        handler,
        result.ticket_id,
        "已协调平台恢复账号并退还罚款",
        [steps.PaymentInput("1250.50", date(2026, 11, 26))],
    )
    ticket = Ticket.get_by_id(result.ticket_id)
    assert ticket.status == "completed" and ticket.recovered_total == Decimal("1250.50")
    assert TicketEvent.select().where(TicketEvent.ticket == ticket.id).count() == 4
    assert env.search.matching_ids("封号") == [ticket.id]
    assert env.search.matching_ids("欠薪") == []
    figures = headline_figures(env)
    assert (figures.calls, figures.tickets, figures.recovered) == (1, 1, Decimal("1250.50"))
