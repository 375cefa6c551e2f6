"""The ticket state machine of the "321+" mechanism: who may take which step, when, and why not.

The org tree used throughout (materialized paths as the store keeps them):

    /1/        province federation (省总工会)
    /1/3/      hotline centre: agents, dispatchers, supervisors
    /1/2/      city federation
    /1/2/5/    district union: holds the ticket in most tests
    /1/2/5/9/  enterprise union under the district
    /1/2/6/    another district of the same city
    /1/7/      provincial department: a co-handling unit
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from hotline_desktop.domain.errors import PermissionDenied, StepNotAllowed
from hotline_desktop.domain.vocabulary import (
    Role,
    Satisfaction,
    TicketOrigin,
    TicketStatus,
    UnitKind,
)
from hotline_desktop.domain.workflow import (
    RULES,
    Actor,
    Step,
    StepContext,
    TicketFacts,
    authorize,
    authorize_intake,
    available_steps,
)

S = TicketStatus
NOW = datetime(2026, 11, 30, 10, 0)
NUMBER = "20261128-00042"

PROVINCE, CITY, CENTRE, DISTRICT, OTHER_DISTRICT, DEPARTMENT, ENTERPRISE = 1, 2, 3, 5, 6, 7, 9
UNITS = {
    PROVINCE: (UnitKind.PROVINCIAL, "/1/"),
    CITY: (UnitKind.CITY, "/1/2/"),
    CENTRE: (UnitKind.CENTRE, "/1/3/"),
    DISTRICT: (UnitKind.DISTRICT, "/1/2/5/"),
    OTHER_DISTRICT: (UnitKind.DISTRICT, "/1/2/6/"),
    DEPARTMENT: (UnitKind.DEPARTMENT, "/1/7/"),
    ENTERPRISE: (UnitKind.ENTERPRISE, "/1/2/5/9/"),
}


# ---- factories ----


def actor(role: Role, unit_id: int = CENTRE, *, main_leader: bool = False) -> Actor:
    kind, path = UNITS[unit_id]
    return Actor(
        user_id=100 + unit_id,
        name=f"{role.value} of unit {unit_id}",
        role=role,
        unit_id=unit_id,
        unit_kind=kind,
        unit_path=path,
        is_main_leader=main_leader,
    )


def handler(unit_id: int = DISTRICT) -> Actor:
    return actor(Role.UNIT_HANDLER, unit_id)


AGENT = actor(Role.AGENT)
DISPATCHER = actor(Role.DISPATCHER)
SUPERVISOR = actor(Role.SUPERVISOR)
HOLDER = handler(DISTRICT)  # a handler of the unit holding the ticket
CO_HANDLER = handler(DEPARTMENT)  # a handler of a co-handling unit
PROVINCIAL_LEADER = actor(Role.LEADER, PROVINCE)
MAIN_LEADER = actor(Role.LEADER, DISTRICT, main_leader=True)  # of the receiving unit
DEPUTY_LEADER = actor(Role.LEADER, DISTRICT)


def facts(**overrides) -> TicketFacts:
    """A provincial ticket the district holds and has signed for, straight from the centre."""
    values = {
        "number": NUMBER,
        "status": S.IN_PROGRESS,
        "origin": TicketOrigin.PROVINCE,
        "holder_unit_id": DISTRICT,
        "holder_signed": True,
        "holder_unit_path": UNITS[DISTRICT][1],
        "holder_return_deadline": NOW + timedelta(days=1),
        "receiving_unit_id": DISTRICT,
        "due_at": NOW + timedelta(days=5),
    }
    values.update(overrides)
    return TicketFacts(**values)


def new_ticket(**overrides) -> TicketFacts:
    """A ticket waiting for the dispatcher: nobody holds it yet."""
    nobody = {
        "status": S.NEW,
        "holder_unit_id": None,
        "holder_signed": False,
        "holder_unit_path": None,
        "holder_return_deadline": None,
        "receiving_unit_id": None,
        "due_at": None,
    }
    return facts(**{**nobody, **overrides})


def dispatched(**overrides) -> TicketFacts:
    """Dispatched to the district, which has not signed for it yet."""
    return facts(**{"status": S.DISPATCHED, "holder_signed": False, **overrides})


def passed_down(**overrides) -> TicketFacts:
    """Dispatched to the city, which passed it down to the district (逐级下派)."""
    return facts(**{"holder_parent_unit_id": CITY, "receiving_unit_id": CITY, **overrides})


def called_back(satisfaction: Satisfaction | None, **overrides) -> TicketFacts:
    return facts(status=S.CALLED_BACK, satisfaction=satisfaction, **overrides)


def context(**fields) -> StepContext:
    return StepContext(**{"now": NOW, **fields})


BOTH_CONSENT = context(worker_consents=True, employer_consents=True)
INTO_ENTERPRISE = context(target_unit_path=UNITS[ENTERPRISE][1])
OPEN_MASTER = context(master_status=S.IN_PROGRESS)


def refused(
    step: Step,
    ticket: TicketFacts,
    who: Actor,
    ctx: StepContext | None = None,
    error: type[StepNotAllowed] = StepNotAllowed,
) -> StepNotAllowed:
    """Take a step that must be refused; the refusal names the ticket, status and step."""
    with pytest.raises(StepNotAllowed) as caught:
        authorize(step, ticket, who, ctx or context())
    refusal = caught.value
    if error is PermissionDenied:
        assert isinstance(refusal, PermissionDenied), str(refusal)
    else:
        assert not isinstance(refusal, PermissionDenied), str(refusal)
    assert str(refusal) == (
        f"ticket {ticket.number} is {ticket.status.en.lower()}: cannot {step.en}: {refusal.reason}"
    )
    return refusal


# ---- every transition ----

# One situation per step in which the step is allowed; the refusal tests below change
# exactly one thing in it (the status, the role) and expect a refusal.
SITUATIONS: dict[Step, tuple[TicketFacts, Actor, StepContext]] = {
    Step.DISPATCH: (new_ticket(), DISPATCHER, context()),
    Step.HANDLE_IN_OFFICE: (new_ticket(), DISPATCHER, context()),
    Step.MEDIATE: (new_ticket(), DISPATCHER, BOTH_CONSENT),
    Step.SIGN: (dispatched(), HOLDER, context()),
    Step.INSTRUCT: (facts(), MAIN_LEADER, context()),
    Step.PROGRESS: (facts(), HOLDER, context()),
    Step.DISPATCH_DOWN: (facts(), HOLDER, INTO_ENTERPRISE),
    Step.REPORT_UP: (passed_down(), HOLDER, context()),
    Step.REQUEST_EXTENSION: (facts(), HOLDER, context()),
    Step.APPROVE_EXTENSION: (facts(extension_pending=True), DISPATCHER, context()),
    Step.REFUSE_EXTENSION: (facts(extension_pending=True), DISPATCHER, context()),
    Step.RETURN: (dispatched(), HOLDER, context()),
    Step.COMPLETE: (facts(), HOLDER, context()),
    Step.RECORD_PAYMENT: (facts(), HOLDER, context()),
    Step.CALLBACK: (facts(status=S.COMPLETED), AGENT, context()),
    Step.REOPEN: (called_back(Satisfaction.UNSATISFIED), SUPERVISOR, context()),
    Step.MERGE: (new_ticket(), DISPATCHER, OPEN_MASTER),
    Step.ARCHIVE: (called_back(Satisfaction.SATISFIED), SUPERVISOR, context()),
    Step.REMIND: (dispatched(), SUPERVISOR, context()),
    Step.ESCALATE: (facts(), SUPERVISOR, context()),
}


def allowed(step, ticket, who, expected, ctx=None, label=""):
    name = f"{step.value}:{ticket.status.value}:{who.role.value}{label}"
    return pytest.param(step, ticket, who, ctx or context(), expected, id=name)


CENTRE_STAFF = (DISPATCHER, SUPERVISOR)
INSTRUCTABLE = (S.NEW, S.DISPATCHED, S.IN_PROGRESS, S.COMPLETED)
PAYABLE = (S.IN_PROGRESS, S.COMPLETED, S.CALLED_BACK, S.ARCHIVED)
PAYERS = (Role.UNIT_HANDLER, Role.DISPATCHER, Role.SUPERVISOR)

TRANSITIONS = [
    allowed(Step.DISPATCH, new_ticket(), DISPATCHER, S.DISPATCHED),
    allowed(Step.HANDLE_IN_OFFICE, new_ticket(), DISPATCHER, S.IN_PROGRESS),
    allowed(Step.MEDIATE, new_ticket(), DISPATCHER, S.IN_PROGRESS, BOTH_CONSENT),
    allowed(Step.SIGN, dispatched(), HOLDER, S.IN_PROGRESS, label="-lead"),
    allowed(
        Step.SIGN,
        passed_down(status=S.DISPATCHED, holder_signed=False),
        HOLDER,
        S.IN_PROGRESS,
        label="-lead below the city",
    ),
    allowed(
        Step.SIGN,
        dispatched(co_units_unsigned=frozenset({DEPARTMENT})),
        CO_HANDLER,
        S.DISPATCHED,
        label="-co",
    ),
    allowed(
        Step.SIGN,
        facts(co_units_unsigned=frozenset({DEPARTMENT})),
        CO_HANDLER,
        S.IN_PROGRESS,
        label="-co",
    ),
    *(
        allowed(
            Step.INSTRUCT,
            facts(status=status, origin=TicketOrigin.NATIONAL),
            PROVINCIAL_LEADER,
            status,
            label="-national",
        )
        for status in INSTRUCTABLE
    ),
    *(
        allowed(Step.INSTRUCT, facts(status=status), MAIN_LEADER, status, label="-provincial")
        for status in INSTRUCTABLE
        if status != S.NEW
    ),
    allowed(Step.PROGRESS, facts(), HOLDER, S.IN_PROGRESS, label="-lead"),
    allowed(
        Step.PROGRESS,
        facts(co_units_signed=frozenset({DEPARTMENT})),
        CO_HANDLER,
        S.IN_PROGRESS,
        label="-co",
    ),
    allowed(Step.DISPATCH_DOWN, facts(), HOLDER, S.DISPATCHED, INTO_ENTERPRISE),
    allowed(Step.REPORT_UP, passed_down(), HOLDER, S.IN_PROGRESS),
    allowed(Step.REQUEST_EXTENSION, facts(), HOLDER, S.IN_PROGRESS),
    *(
        allowed(step, facts(extension_pending=True), who, S.IN_PROGRESS)
        for step in (Step.APPROVE_EXTENSION, Step.REFUSE_EXTENSION)
        for who in CENTRE_STAFF
    ),
    allowed(Step.RETURN, dispatched(), HOLDER, S.NEW, label="-to the centre"),
    allowed(Step.RETURN, facts(), HOLDER, S.NEW, label="-to the centre"),
    allowed(
        Step.RETURN,
        passed_down(status=S.DISPATCHED, holder_signed=False),
        HOLDER,
        S.IN_PROGRESS,
        label="-to the city",
    ),
    allowed(Step.RETURN, passed_down(), HOLDER, S.IN_PROGRESS, label="-to the city"),
    allowed(Step.COMPLETE, facts(), HOLDER, S.COMPLETED),
    *(
        allowed(Step.RECORD_PAYMENT, facts(status=status), who, status)
        for status in PAYABLE
        for who in (HOLDER, *CENTRE_STAFF)
    ),
    *(
        allowed(Step.CALLBACK, facts(status=S.COMPLETED), who, S.CALLED_BACK)
        for who in (AGENT, SUPERVISOR)
    ),
    *(
        allowed(Step.REOPEN, called_back(Satisfaction.UNSATISFIED), who, S.NEW)
        for who in CENTRE_STAFF
    ),
    allowed(Step.MERGE, new_ticket(), DISPATCHER, S.MERGED, OPEN_MASTER),
    allowed(Step.MERGE, dispatched(), DISPATCHER, S.MERGED, OPEN_MASTER),
    allowed(Step.MERGE, facts(), DISPATCHER, S.MERGED, OPEN_MASTER, label="-found late"),
    *(
        allowed(Step.ARCHIVE, called_back(Satisfaction.SATISFIED), who, S.ARCHIVED)
        for who in CENTRE_STAFF
    ),
    *(
        allowed(Step.REMIND, ticket, who, ticket.status)
        for ticket in (dispatched(), facts())
        for who in CENTRE_STAFF
    ),
    *(
        allowed(Step.ESCALATE, ticket, who, S.IN_PROGRESS)
        for ticket in (new_ticket(), dispatched(), facts())
        for who in CENTRE_STAFF
    ),
]


@pytest.mark.parametrize(("step", "ticket", "who", "ctx", "expected"), TRANSITIONS)
def test_step_moves_the_ticket_to_its_next_status(step, ticket, who, ctx, expected):
    assert authorize(step, ticket, who, ctx) == expected


def test_the_transitions_above_cover_every_status_and_role_of_every_rule():
    covered = {(p.values[0], p.values[1].status, p.values[2].role) for p in TRANSITIONS}
    in_rules = {
        (step, status, role)
        for step, rule in RULES.items()
        for status in rule.from_statuses
        for role in rule.roles
    }
    assert covered == in_rules
    assert set(SITUATIONS) == set(RULES)


@pytest.mark.parametrize("step", list(SITUATIONS))
def test_each_baseline_situation_is_allowed(step):
    ticket, who, ctx = SITUATIONS[step]
    authorize(step, ticket, who, ctx)


# ---- every refusal by status and by role ----


@pytest.mark.parametrize(
    ("step", "status"),
    [
        pytest.param(step, status, id=f"{step.value}:{status.value}")
        for step, rule in RULES.items()
        for status in TicketStatus
        if status not in rule.from_statuses
    ],
)
def test_step_is_refused_from_every_other_status(step, status):
    ticket, who, ctx = SITUATIONS[step]
    refusal = refused(step, replace(ticket, status=status), who, ctx)
    assert refusal.reason.startswith("this step is taken only when the ticket is ")
    for allowed_status in RULES[step].from_statuses:
        assert allowed_status.en.lower() in refusal.reason


@pytest.mark.parametrize(
    ("step", "role"),
    [
        pytest.param(step, role, id=f"{step.value}:{role.value}")
        for step, rule in RULES.items()
        for role in Role
        if role not in rule.roles
    ],
)
def test_step_is_denied_to_every_other_role(step, role):
    ticket, who, ctx = SITUATIONS[step]
    refusal = refused(step, ticket, replace(who, role=role), ctx, PermissionDenied)
    assert refusal.reason.endswith(f"you are signed in as {role.en.lower()}")
    for allowed_role in RULES[step].roles:
        assert allowed_role.en.lower() in refusal.reason


# ---- units act only on their own tickets ----

ANOTHER_UNITS_REASONS = {
    Step.SIGN: "the ticket was not dispatched to your unit",
    Step.PROGRESS: "only a unit that holds the ticket or co-handles it",
    Step.DISPATCH_DOWN: "the ticket is held by another unit",
    Step.REPORT_UP: "the ticket is held by another unit",
    Step.REQUEST_EXTENSION: "the ticket is held by another unit",
    Step.RETURN: "the ticket is held by another unit",
    Step.COMPLETE: "the ticket is held by another unit",
    Step.RECORD_PAYMENT: "the ticket is held by another unit",
}


@pytest.mark.parametrize("stranger", [OTHER_DISTRICT, CITY, ENTERPRISE], ids=str)
@pytest.mark.parametrize("step", list(ANOTHER_UNITS_REASONS), ids=str)
def test_a_unit_handler_cannot_act_on_another_units_ticket(step, stranger):
    # A sibling district, the city that passed the ticket down, a unit below the holder.
    ticket, _holder, ctx = SITUATIONS[step]
    refusal = refused(step, ticket, handler(stranger), ctx, PermissionDenied)
    assert ANOTHER_UNITS_REASONS[step] in refusal.reason


@pytest.mark.parametrize(
    "step", [Step.DISPATCH_DOWN, Step.REQUEST_EXTENSION, Step.RETURN, Step.COMPLETE], ids=str
)
def test_a_co_handling_unit_cannot_take_the_lead_units_steps(step):
    ticket, _holder, ctx = SITUATIONS[step]
    ticket = replace(ticket, co_units_signed=frozenset({DEPARTMENT}))
    refusal = refused(step, ticket, CO_HANDLER, ctx, PermissionDenied)
    assert "held by another unit" in refusal.reason


@pytest.mark.parametrize(
    ("ticket", "who"),
    [
        pytest.param(facts(), HOLDER, id="lead unit"),
        pytest.param(facts(co_units_signed=frozenset({DEPARTMENT})), CO_HANDLER, id="co unit"),
        pytest.param(
            dispatched(co_units_signed=frozenset({DEPARTMENT})), CO_HANDLER, id="co unit first"
        ),
    ],
)
def test_a_unit_cannot_sign_twice(ticket, who):
    refusal = refused(Step.SIGN, ticket, who, error=PermissionDenied)
    assert refusal.reason == "your unit has already signed for this ticket"


@pytest.mark.parametrize(
    "ticket",
    [
        pytest.param(facts(co_units_unsigned=frozenset({DEPARTMENT})), id="not signed yet"),
        pytest.param(facts(), id="not a co-handling unit"),
    ],
)
def test_only_a_co_handling_unit_that_has_signed_records_progress(ticket):
    refusal = refused(Step.PROGRESS, ticket, CO_HANDLER, error=PermissionDenied)
    assert "has signed for it" in refusal.reason


def test_the_lead_unit_records_progress_only_after_signing():
    refused(Step.PROGRESS, facts(holder_signed=False), HOLDER, error=PermissionDenied)


# ---- dispatching down and reporting up (逐级下派 / 逐级反馈) ----


@pytest.mark.parametrize("target", ["/1/2/5/9/", "/1/2/5/9/12/"])
def test_dispatch_down_goes_to_any_unit_under_the_holder(target):
    ctx = context(target_unit_path=target)
    assert authorize(Step.DISPATCH_DOWN, facts(), HOLDER, ctx) == S.DISPATCHED


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("/1/2/6/", id="sibling"),
        pytest.param("/1/2/5/", id="the holder itself"),
        pytest.param("/1/2/", id="the holder's parent"),
        pytest.param("/1/", id="the province"),
        pytest.param("/1/2/50/", id="path sharing a digit prefix"),
        pytest.param("/7/1/2/5/", id="holder path inside another tree"),
    ],
)
def test_dispatch_down_refuses_units_outside_the_holders_subtree(target):
    refusal = refused(Step.DISPATCH_DOWN, facts(), HOLDER, context(target_unit_path=target))
    assert refusal.reason == "a unit dispatches further down only to units under it"


def test_dispatch_down_needs_a_chosen_unit():
    refusal = refused(Step.DISPATCH_DOWN, facts(), HOLDER, context())
    assert refusal.reason == "choose a unit to dispatch to"


@pytest.mark.parametrize("step", [Step.DISPATCH_DOWN, Step.REPORT_UP, Step.COMPLETE], ids=str)
def test_the_holder_must_sign_before_passing_on_or_finishing(step):
    ticket, _holder, ctx = SITUATIONS[step]
    refusal = refused(step, replace(ticket, holder_signed=False), HOLDER, ctx)
    assert refusal.reason == "the unit has not signed for the ticket yet"


def test_report_up_needs_a_unit_that_passed_the_ticket_down():
    refusal = refused(Step.REPORT_UP, facts(), HOLDER)
    assert refusal.reason == "the ticket came straight from the hotline centre: complete it instead"


def test_a_unit_below_another_reports_up_instead_of_completing():
    refusal = refused(Step.COMPLETE, passed_down(), HOLDER)
    assert (
        refusal.reason == "the ticket came from a higher unit: report the result up to it instead"
    )


# ---- the three ways: dispatch, office, mediation ----


@pytest.mark.parametrize(
    ("worker", "employer"),
    [(True, False), (False, True), (False, False), (True, None), (None, True), (None, None)],
)
def test_mediation_needs_both_consents(worker, employer):
    ctx = context(worker_consents=worker, employer_consents=employer)
    refusal = refused(Step.MEDIATE, new_ticket(), DISPATCHER, ctx)
    assert refusal.reason == "mediation needs the consent of both the worker and the employer"


# ---- returns (退单) ----


def test_return_is_refused_after_the_return_deadline():
    deadline = datetime(2026, 12, 2, 17, 30)
    ticket = dispatched(holder_return_deadline=deadline)
    later = context(now=deadline + timedelta(minutes=1))
    refusal = refused(Step.RETURN, ticket, HOLDER, later)
    assert refusal.reason == "the time allowed for a return has passed (2026-12-02 17:30)"


def test_return_is_still_allowed_at_the_deadline_itself():
    ticket = dispatched(holder_return_deadline=NOW)
    assert authorize(Step.RETURN, ticket, HOLDER, context()) == S.NEW


# ---- extensions (延期) ----


def test_only_one_extension_request_waits_at_a_time():
    refusal = refused(Step.REQUEST_EXTENSION, facts(extension_pending=True), HOLDER)
    assert refusal.reason == "an extension request is already waiting for a decision"


@pytest.mark.parametrize("late", [timedelta(0), timedelta(hours=3)], ids=["at due", "after due"])
def test_an_extension_is_asked_before_the_due_date(late):
    due = datetime(2026, 12, 4, 17, 30)
    refusal = refused(Step.REQUEST_EXTENSION, facts(due_at=due), HOLDER, context(now=due + late))
    assert refusal.reason == "an extension must be asked before the due date (2026-12-04 17:30)"


@pytest.mark.parametrize("step", [Step.APPROVE_EXTENSION, Step.REFUSE_EXTENSION], ids=str)
@pytest.mark.parametrize("who", CENTRE_STAFF, ids=lambda a: a.role.value)
def test_the_centre_decides_only_a_pending_extension(step, who):
    refusal = refused(step, facts(extension_pending=False), who)
    assert refusal.reason == "there is no extension request to decide"


# ---- leadership instruction (批示) ----

NATIONAL_RULE = (
    "a ticket dispatched by the national federation is instructed by a provincial leader"
)
PROVINCIAL_RULE = (
    "a provincial ticket is instructed by the main leader of the unit that received it"
)


@pytest.mark.parametrize(
    "leader",
    [
        pytest.param(MAIN_LEADER, id="main leader of the receiving unit"),
        pytest.param(actor(Role.LEADER, DEPARTMENT, main_leader=True), id="provincial department"),
        pytest.param(actor(Role.LEADER, CITY, main_leader=True), id="city federation"),
    ],
)
def test_a_national_federation_ticket_is_instructed_only_by_a_provincial_leader(leader):
    ticket = facts(origin=TicketOrigin.NATIONAL)
    refusal = refused(Step.INSTRUCT, ticket, leader, error=PermissionDenied)
    assert refusal.reason == NATIONAL_RULE


@pytest.mark.parametrize(
    "leader",
    [
        pytest.param(DEPUTY_LEADER, id="a deputy of the receiving unit"),
        pytest.param(actor(Role.LEADER, OTHER_DISTRICT, main_leader=True), id="other unit"),
        pytest.param(actor(Role.LEADER, PROVINCE, main_leader=True), id="province"),
    ],
)
def test_a_provincial_ticket_is_instructed_only_by_the_receiving_units_main_leader(leader):
    refusal = refused(Step.INSTRUCT, facts(), leader, error=PermissionDenied)
    assert refusal.reason == PROVINCIAL_RULE


def test_the_receiving_units_main_leader_instructs_even_after_the_ticket_went_down():
    # Passed down from the city to the district: the city received it, its leader instructs.
    ticket = passed_down()
    city_leader = actor(Role.LEADER, CITY, main_leader=True)
    assert authorize(Step.INSTRUCT, ticket, city_leader, context()) == S.IN_PROGRESS
    refused(Step.INSTRUCT, ticket, MAIN_LEADER, error=PermissionDenied)


@pytest.mark.parametrize("leader", [MAIN_LEADER, PROVINCIAL_LEADER], ids=lambda a: a.name)
def test_a_new_provincial_ticket_has_no_leader_to_instruct_it(leader):
    refusal = refused(Step.INSTRUCT, new_ticket(), leader, error=PermissionDenied)
    assert refusal.reason == "the ticket has no receiving unit yet, so no leader can instruct it"


# ---- callback, reopen, archive ----


@pytest.mark.parametrize(
    "satisfaction",
    [Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.UNREACHABLE, None],
    ids=str,
)
def test_only_an_unsatisfied_callers_ticket_is_reopened(satisfaction):
    refusal = refused(Step.REOPEN, called_back(satisfaction), DISPATCHER)
    assert (
        refusal.reason == "only a ticket whose caller was unsatisfied at the callback is reopened"
    )


def test_an_unsatisfied_callers_ticket_is_not_archived():
    refusal = refused(Step.ARCHIVE, called_back(Satisfaction.UNSATISFIED), DISPATCHER)
    assert refusal.reason == "the caller was unsatisfied: reopen the ticket instead of archiving it"


@pytest.mark.parametrize(
    "satisfaction",
    [Satisfaction.BASICALLY_SATISFIED, Satisfaction.UNREACHABLE, None],
    ids=str,
)
def test_any_other_callback_outcome_may_be_archived(satisfaction):
    assert authorize(Step.ARCHIVE, called_back(satisfaction), DISPATCHER) == S.ARCHIVED


# ---- merging duplicates (合并) ----


def test_a_ticket_is_not_merged_into_itself():
    ctx = context(master_status=S.NEW, master_is_self=True)
    refusal = refused(Step.MERGE, new_ticket(), DISPATCHER, ctx)
    assert refusal.reason == "a ticket cannot be merged into itself"


@pytest.mark.parametrize("master", [S.MERGED, S.ARCHIVED], ids=str)
def test_a_ticket_is_not_merged_into_a_closed_master(master):
    refusal = refused(Step.MERGE, new_ticket(), DISPATCHER, context(master_status=master))
    assert refusal.reason == f"the master ticket is {master.en.lower()}; choose an open one"


@pytest.mark.parametrize(
    "master", [S.NEW, S.DISPATCHED, S.IN_PROGRESS, S.COMPLETED, S.CALLED_BACK], ids=str
)
def test_a_ticket_merges_into_a_master_still_open(master):
    ctx = context(master_status=master)
    assert authorize(Step.MERGE, new_ticket(), DISPATCHER, ctx) == S.MERGED


# ---- recovered money ----


@pytest.mark.parametrize(
    "ticket",
    [
        pytest.param(facts(holder_unit_id=OTHER_DISTRICT), id="held by another district"),
        pytest.param(facts(holder_unit_id=None), id="nobody holds it"),
        pytest.param(passed_down(status=S.COMPLETED), id="completed below the city"),
    ],
)
@pytest.mark.parametrize("who", CENTRE_STAFF, ids=lambda a: a.role.value)
def test_the_centre_records_money_on_any_ticket(ticket, who):
    assert authorize(Step.RECORD_PAYMENT, ticket, who, context()) == ticket.status


# ---- intake: logging calls and creating tickets ----


@pytest.mark.parametrize("step", [Step.LOG_CALL, Step.CREATE], ids=str)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_only_agents_and_dispatchers_log_calls_and_create_tickets(step, role):
    who = actor(role)
    if role in (Role.AGENT, Role.DISPATCHER):
        assert authorize_intake(step, who) is None
        return
    with pytest.raises(PermissionDenied) as caught:
        authorize_intake(step, who)
    assert caught.value.step == step.en
    reason = caught.value.reason
    assert "agent" in reason and "dispatcher" in reason
    assert reason.endswith(f"you are signed in as {role.en.lower()}")
    assert f"cannot {step.en}" in str(caught.value)


def test_an_intake_refusal_does_not_speak_of_a_ticket_that_does_not_exist():
    with pytest.raises(PermissionDenied) as caught:
        authorize_intake(Step.CREATE, actor(Role.LEADER, PROVINCE))
    assert "ticket -" not in str(caught.value)
    assert " is -" not in str(caught.value)


# ---- what the user is offered ----


def offered(ticket: TicketFacts, who: Actor, now: datetime = NOW) -> set[Step]:
    return set(available_steps(ticket, who, now))


def test_a_dispatcher_is_offered_the_three_ways_and_merge_on_a_new_ticket():
    assert offered(new_ticket(), DISPATCHER) == {
        Step.DISPATCH,
        Step.HANDLE_IN_OFFICE,
        Step.MEDIATE,
        Step.MERGE,
    }


def test_the_holding_unit_is_offered_sign_and_return_on_a_dispatched_ticket():
    assert offered(dispatched(), HOLDER) == {Step.SIGN, Step.RETURN}


def test_return_is_no_longer_offered_after_the_return_deadline():
    ticket = dispatched(holder_return_deadline=NOW - timedelta(minutes=1))
    assert offered(ticket, HOLDER) == {Step.SIGN}


def test_another_unit_is_offered_nothing_on_a_ticket_it_does_not_hold():
    assert offered(dispatched(), handler(OTHER_DISTRICT)) == set()
    assert offered(facts(), handler(OTHER_DISTRICT)) == set()


def test_a_top_level_holder_that_signed_is_offered_its_working_steps():
    assert offered(facts(), HOLDER) == {
        Step.PROGRESS,
        Step.DISPATCH_DOWN,
        Step.REQUEST_EXTENSION,
        Step.RETURN,
        Step.COMPLETE,
        Step.RECORD_PAYMENT,
    }


def test_a_unit_below_another_is_offered_report_up_instead_of_complete():
    steps = offered(passed_down(), HOLDER)
    assert Step.REPORT_UP in steps
    assert Step.COMPLETE not in steps


def test_an_overdue_holder_with_no_return_window_left_is_not_offered_extension_or_return():
    ticket = facts(due_at=NOW, holder_return_deadline=NOW - timedelta(days=3))
    assert offered(ticket, HOLDER) == {
        Step.PROGRESS,
        Step.DISPATCH_DOWN,
        Step.COMPLETE,
        Step.RECORD_PAYMENT,
    }


def test_a_pending_extension_is_offered_to_the_centre_not_asked_again():
    ticket = facts(extension_pending=True)
    assert Step.REQUEST_EXTENSION not in offered(ticket, HOLDER)
    assert offered(ticket, DISPATCHER) == {
        Step.APPROVE_EXTENSION,
        Step.REFUSE_EXTENSION,
        Step.RECORD_PAYMENT,
        Step.MERGE,
        Step.REMIND,
        Step.ESCALATE,
    }


def test_the_centre_reminds_the_holding_unit_and_escalates_to_the_office():
    assert {Step.REMIND, Step.ESCALATE} <= offered(dispatched(), SUPERVISOR)
    refusal = refused(Step.REMIND, new_ticket(status=S.DISPATCHED), SUPERVISOR)
    assert refusal.reason == "no unit holds the ticket to remind"
    in_office = facts(handled_in_office=True)
    assert Step.ESCALATE not in offered(in_office, SUPERVISOR)
    refusal = refused(Step.ESCALATE, in_office, SUPERVISOR)
    assert refusal.reason == "the office handles the ticket already"


def test_a_new_ticket_is_escalated_by_handling_it_in_office_not_twice_offered():
    # For a ticket nobody holds yet, 提级 is what 办单 does: the dispatcher sees one.
    assert Step.ESCALATE not in offered(new_ticket(), DISPATCHER)
    assert Step.ESCALATE in offered(new_ticket(), SUPERVISOR)


def test_a_co_handling_unit_is_offered_sign_then_progress():
    assert offered(facts(co_units_unsigned=frozenset({DEPARTMENT})), CO_HANDLER) == {Step.SIGN}
    assert offered(facts(co_units_signed=frozenset({DEPARTMENT})), CO_HANDLER) == {Step.PROGRESS}


def test_only_the_main_leader_of_the_receiving_unit_is_offered_an_instruction():
    assert offered(facts(), MAIN_LEADER) == {Step.INSTRUCT}
    assert offered(facts(), DEPUTY_LEADER) == set()
    assert offered(facts(origin=TicketOrigin.NATIONAL), PROVINCIAL_LEADER) == {Step.INSTRUCT}


def test_after_the_callback_the_centre_reopens_or_archives_by_the_callers_verdict():
    unsatisfied = called_back(Satisfaction.UNSATISFIED)
    satisfied = called_back(Satisfaction.SATISFIED)
    assert offered(unsatisfied, SUPERVISOR) == {Step.RECORD_PAYMENT, Step.REOPEN}
    assert offered(satisfied, SUPERVISOR) == {Step.RECORD_PAYMENT, Step.ARCHIVE}


def test_an_agent_is_offered_the_callback_of_a_completed_ticket():
    assert offered(facts(status=S.COMPLETED), AGENT) == {Step.CALLBACK}


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_nobody_is_offered_anything_on_a_merged_ticket(role):
    unit = {Role.UNIT_HANDLER: DISTRICT, Role.LEADER: DISTRICT}.get(role, CENTRE)
    who = actor(role, unit, main_leader=True)
    assert offered(facts(status=S.MERGED), who) == set()


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_an_archived_ticket_only_takes_late_instalments_of_money(role):
    unit = {Role.UNIT_HANDLER: DISTRICT, Role.LEADER: DISTRICT}.get(role, CENTRE)
    who = actor(role, unit, main_leader=True)
    late_payment = {Step.RECORD_PAYMENT} if role in PAYERS else set()
    assert offered(facts(status=S.ARCHIVED), who) == late_payment
