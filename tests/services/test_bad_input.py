"""Bad input gets a clear error naming the field, and changes nothing."""

from __future__ import annotations

import pytest

from hotline_desktop.domain.errors import InvalidInput, PermissionDenied
from hotline_desktop.services import accounts
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.store.models import Call, Caller, Employer, Ticket, TicketEvent, User


def counts() -> tuple[int, ...]:
    return tuple(model.select().count() for model in (Call, Caller, Employer, Ticket, TicketEvent))


def call(**overrides) -> CallInput:
    fields = dict(
        phone="029-88886666",
        description="外卖骑手反映站点无故扣除配送费并封禁账号。",
        category_code="platform_rights",
        employer_name="某配送服务有限公司",
        region_code="xa",
    )
    fields.update(overrides)
    return CallInput(**fields)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"region_code": "atlantis"}, "region", "unknown region"),
        ({"category_code": "gossip"}, "category", "unknown category"),
        ({"employment_form_code": "astronaut"}, "employment form", "unknown employment form"),
        ({"headcount": 0}, "headcount", "at least one person"),
        ({"headcount": "many"}, "headcount", "not a whole number"),
        ({"amount": "-100"}, "amount involved", "cannot be negative"),
        ({"amount": "1000000000000"}, "amount involved", "not plausible"),
        ({"amount": "1e12"}, "amount involved", "not an amount of money"),
        ({"amount": "12.345"}, "amount involved", "two decimals"),
        ({"phone": "12345"}, "phone", "neither a mobile number"),
        ({"phone": "029-123"}, "phone", "neither a mobile number"),
        ({"phone": ""}, "phone", "required"),
        ({"description": "   "}, "description", "cannot be empty"),
        ({"description": "欠" * 5001}, "description", "at most 5,000 characters"),
        ({"caller_name": "名" * 51}, "caller name", "at most 50"),
        ({"kind": "prank"}, "call kind", "not one of"),
        ({"urgency": "whenever"}, "urgency", "not one of"),
    ],
)
def test_intake_refuses_bad_fields_and_writes_nothing(env, staff, overrides, field, message):
    before = counts()
    with pytest.raises(InvalidInput) as refusal:
        log_call(env, staff.agent, call(**overrides), create_ticket=True)
    assert refusal.value.field == field
    assert message in refusal.value.message
    assert counts() == before


def test_only_agents_and_dispatchers_take_calls(env, staff):
    with pytest.raises(PermissionDenied):
        log_call(env, staff.xian, call(), create_ticket=True)
    assert counts() == (0, 0, 0, 0, 0)


def test_a_consultation_answered_on_the_call_needs_the_answer(env, staff):
    with pytest.raises(InvalidInput, match="what the caller was told"):
        log_call(env, staff.agent, call(kind="consultation"), create_ticket=False)


def test_dispatch_to_an_unknown_or_unsuitable_unit_is_refused(env, staff):
    ticket_id = log_call(env, staff.agent, call(), create_ticket=True).ticket_id
    with pytest.raises(InvalidInput, match="unknown unit"):
        steps.dispatch(env, staff.dispatcher, ticket_id, "nowhere")
    with pytest.raises(InvalidInput, match="does not take dispatched tickets"):
        steps.dispatch(env, staff.dispatcher, ticket_id, "sx-procuratorate")
    with pytest.raises(InvalidInput, match="named twice"):
        steps.dispatch(env, staff.dispatcher, ticket_id, "xa", co_units=["xa"])
    assert Ticket.get_by_id(ticket_id).status == "new"
    assert TicketEvent.select().count() == 1


def test_user_creation_checks_its_fields(env, staff):
    before = User.select().count()
    with pytest.raises(InvalidInput, match="at least 8"):
        accounts.create_user(env, "newbie", "short", "agent", "sx-centre")
    with pytest.raises(InvalidInput, match="“boss” is not one of agent"):
        accounts.create_user(env, "newbie", "long-enough", "boss", "sx-centre")
    with pytest.raises(InvalidInput, match="unknown unit"):
        accounts.create_user(env, "newbie", "long-enough", "agent", "mars")
    with pytest.raises(InvalidInput, match="taken"):
        accounts.create_user(env, "agent", "long-enough", "agent", "sx-centre")
    assert User.select().count() == before


def test_sign_in_checks_the_password_hash(env, staff):
    actor = accounts.sign_in(env, "dispatcher", "secret-pass")
    assert actor.role == "dispatcher" and actor.unit_kind == "centre"
    stored = User.get(User.username == "dispatcher").password_hash
    assert stored.startswith("$argon2") and "secret-pass" not in stored
    with pytest.raises(accounts.SignInFailed, match="unknown user name or wrong password"):
        accounts.sign_in(env, "dispatcher", "wrong")
    with pytest.raises(accounts.SignInFailed, match="unknown user name or wrong password"):
        accounts.sign_in(env, "nobody", "secret-pass")
