"""Many workstations at once: no duplicate ticket number, no lost update."""

from __future__ import annotations

import threading
from collections import Counter

from hotline_desktop.domain.errors import ConcurrentEdit, StepNotAllowed
from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.store.models import Ticket, TicketEvent

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


def test_workstations_creating_and_dispatching_at_once(env, staff):
    env.db.close()  # every thread opens its own connection

    def work(index: int) -> None:
        for n in range(TICKETS_EACH):
            result = log_call(
                env,
                staff.agent,
                CallInput(
                    phone=f"1390000{index:02d}{n:02d}",
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
