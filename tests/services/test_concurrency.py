"""Many workstations at once: no duplicate ticket number, no lost update."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from hotline_desktop.domain.errors import ConcurrentEdit, StepNotAllowed
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.store.models import Caller, Employer, Ticket, TicketEvent

WORKERS = 8
TICKETS_EACH = 12


def run_workers(env, work) -> list[BaseException]:
    """Run ``work(index)`` on WORKERS threads at once, each with its own connection."""
    start = threading.Barrier(WORKERS)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            with env.db.connection_context():
                start.wait()
                work(index)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


ENGINES = pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mysql"], indirect=True)


@ENGINES
def test_workstations_creating_and_dispatching_at_once(env, staff):
    env.db.close()  # every thread opens its own connection

    def work(index: int) -> None:
        for n in range(TICKETS_EACH):
            result = log_call(
                env,
                staff.agent,
                CallInput(
                    # Every workstation hears from the same workers about the same employer:
                    # the first caller and employer rows are created under contention.
                    phone=f"13900000{n:03d}",
                    employer_name="陕西某建工集团有限公司",
                    description=f"第{index}号工位第{n}件：工地拖欠农民工工资",
                    category_code="wages",
                ),
                create_ticket=True,
            )
            steps.dispatch(env, staff.dispatcher, result.ticket_id, "xa", expected_version=1)

    errors = run_workers(env, work)
    assert errors == []
    with env.db.connection_context():
        numbers = [t.number for t in Ticket.select(Ticket.number)]
        assert len(numbers) == WORKERS * TICKETS_EACH
        assert len(set(numbers)) == len(numbers)
        assert sorted(numbers)[-1].endswith(f"{WORKERS * TICKETS_EACH:05d}")
        assert Ticket.select().where(Ticket.status == "dispatched").count() == len(numbers)
        assert Caller.select().count() == TICKETS_EACH
        assert Employer.select().count() == 1
        assert Ticket.select().where(Ticket.employer.is_null()).count() == 0


@ENGINES
def test_only_one_of_many_simultaneous_dispatches_wins(env, staff):
    ticket_id = log_call(
        env,
        staff.agent,
        CallInput(phone="13912345678", description="快递员反映被拖欠派件费", category_code="wages"),
        create_ticket=True,
    ).ticket_id
    units = ["xa", "baoji", "xa-yanta", "xianyang", "weinan", "yulin", "hanzhong", "ankang"]
    outcomes: list[str] = []
    env.db.close()

    def work(index: int) -> None:
        try:
            steps.dispatch(env, staff.dispatcher, ticket_id, units[index], expected_version=1)
            outcomes.append("dispatched")
        except ConcurrentEdit:
            outcomes.append("reload")
        except StepNotAllowed:
            outcomes.append("refused")

    assert run_workers(env, work) == []
    assert Counter(outcomes)["dispatched"] == 1
    with env.db.connection_context():
        ticket = Ticket.get_by_id(ticket_id)
        assert ticket.version == 2
        dispatches = TicketEvent.select().where(
            (TicketEvent.ticket == ticket_id) & (TicketEvent.step == "dispatch")
        )
        assert dispatches.count() == 1
        assert dispatches.get().details.count(str(ticket.holder_unit_id)) >= 1


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_two_tickets_merged_into_each_other_at_once_cannot_both_be_merged(env, staff):
    def ticket() -> tuple[int, str]:
        result = log_call(
            env,
            staff.agent,
            CallInput(phone="13912345678", description="同一批工人反映欠薪", category_code="wages"),
            create_ticket=True,
        )
        return result.ticket_id, result.number

    (first, first_number), (second, second_number) = ticket(), ticket()
    outcomes: list[str] = []
    start = threading.Barrier(2)
    env.db.close()

    def merge(ticket_id: int, master: str) -> None:
        with env.db.connection_context():
            start.wait()
            try:
                steps.merge(env, staff.dispatcher, ticket_id, master)
                outcomes.append("merged")
            except StepNotAllowed:
                outcomes.append("refused")

    threads = [
        threading.Thread(target=merge, args=(first, second_number)),
        threading.Thread(target=merge, args=(second, first_number)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["merged", "refused"]
    with env.db.connection_context():
        statuses = sorted(Ticket.get_by_id(t).status for t in (first, second))
        assert statuses == ["merged", "new"]
