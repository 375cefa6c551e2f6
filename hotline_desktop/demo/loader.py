"""Filling a database with demo users, calls and tickets.

The rows come from ``rows.RowMaker``; for a large load it runs in a second
process, so that making rows (Python) and writing them (the database engine)
share the machine's two cores instead of taking turns.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import datetime
from queue import Empty

from argon2 import PasswordHasher
from faker import Faker

from ..domain.vocabulary import Role, UnitKind
from ..services.environment import Environment
from ..store.bulk import indexes_deferred, insert_rows, reset_id_sequences
from ..store.models import (
    Caller,
    Category,
    Employer,
    EmploymentForm,
    Industry,
    OrgUnit,
    TicketSequence,
    User,
)
from .rows import LOADED, TABLES, DemoSnapshot, LoadReport, RowMaker, Rows

DEMO_PASSWORD = "hotline-demo"

# (user name, role, unit code, display name, main leader): the accounts the README lists.
DEMO_USERS = (
    ("agent", Role.AGENT, "sx-centre", "王芳", False),
    ("dispatcher", Role.DISPATCHER, "sx-centre", "李强", False),
    ("supervisor", Role.SUPERVISOR, "sx-centre", "赵敏", False),
    ("admin", Role.ADMIN, "sx-centre", "系统管理员", False),
    ("office", Role.UNIT_HANDLER, "sx-office", "刘洋", False),
    ("mediator", Role.UNIT_HANDLER, "sx-mediation", "陈静", False),
    ("xian", Role.UNIT_HANDLER, "xa", "周伟", False),
    ("yanta", Role.UNIT_HANDLER, "xa-yanta", "孙丽", False),
    ("leader", Role.LEADER, "sx", "何志刚", True),
    ("xian-leader", Role.LEADER, "xa", "杨文", True),
)

# From this many calls on, indexes are built once at the end instead of row by row,
# and the rows are made in a second process while this one writes.
_BULK = 50_000
_BATCH_UNITS = {UnitKind.CITY, UnitKind.DISTRICT, UnitKind.SEPARATE, UnitKind.ENTERPRISE}


def calls_for(tickets: int) -> int:
    """How many demo calls make about ``tickets`` tickets: the demo content turns 85 % of
    calls into tickets, like the source's 30,957 calls and 26,307 tickets."""
    return round(tickets / 0.85)


def ensure_demo_users(env: Environment) -> list[str]:
    """The README's demo accounts plus one handler per receiving unit; returns new names."""
    hasher = PasswordHasher()
    password_hash = hasher.hash(DEMO_PASSWORD)  # one slow hash, shared by every demo account
    units = {unit.code: unit for unit in OrgUnit.select()}
    wanted = [(name, role, code, display, main) for name, role, code, display, main in DEMO_USERS]
    # A person's name, the same one at every load: the timeline says who and which unit.
    people = Faker("zh_CN")
    people.seed_instance(12351)
    for unit in units.values():
        if UnitKind(unit.kind) in _BATCH_UNITS:
            wanted.append((f"h-{unit.code}", Role.UNIT_HANDLER, unit.code, people.name(), False))
    existing = {name for (name,) in User.select(User.username).tuples()}
    created = []
    with env.write():
        for name, role, code, display, main in wanted:
            if name in existing or code not in units:
                continue
            User.create(
                username=name,
                display_name=display,
                password_hash=password_hash,
                role=role.value,
                unit=units[code],
                is_main_leader=main,
            )
            created.append(name)
    return created


class DemoLoader:
    def __init__(self, env: Environment, seed: int = 12351):
        self.env = env
        self.seed = seed

    def snapshot(self) -> DemoSnapshot:
        units = list(OrgUnit.select())
        children = defaultdict(list)
        for unit in units:
            if unit.parent_id:
                children[unit.parent_id].append(unit.id)
        by_role = defaultdict(list)
        handler_of_unit = {}
        for user in User.select().order_by(User.id):
            by_role[user.role].append(user.id)
            if user.role == Role.UNIT_HANDLER.value:
                handler_of_unit.setdefault(user.unit_id, user.id)
        if not by_role[Role.AGENT.value] or not by_role[Role.DISPATCHER.value]:
            raise RuntimeError("demo users are missing: run ensure_demo_users first")
        return DemoSnapshot(
            now=self.env.now(),
            calendar=self.env.calendar,
            limits=self.env.limits,
            unit_ids={unit.code: unit.id for unit in units},
            children=dict(children),
            city_codes=[unit.code for unit in units if unit.kind == UnitKind.CITY.value],
            category_ids=dict(Category.select(Category.code, Category.id).tuples()),
            form_ids=dict(EmploymentForm.select(EmploymentForm.code, EmploymentForm.id).tuples()),
            industry_ids=dict(Industry.select(Industry.code, Industry.id).tuples()),
            agents=by_role[Role.AGENT.value],
            dispatcher=by_role[Role.DISPATCHER.value][0],
            supervisor=(by_role[Role.SUPERVISOR.value] or by_role[Role.AGENT.value])[0],
            handler_of_unit=handler_of_unit,
            next_ids={model._meta.table_name: _next_id(model) for model in LOADED},
            caller_ids=dict(Caller.select(Caller.phone, Caller.id).tuples()),
            employer_ids=dict(Employer.select(Employer.key, Employer.id).tuples()),
            sequences=dict(
                TicketSequence.select(TicketSequence.day, TicketSequence.last_value).tuples()
            ),
        )

    def load(
        self,
        count: int,
        start: datetime,
        end: datetime,
        progress: Callable[[int], None] | None = None,
    ) -> LoadReport:
        snapshot = self.snapshot()
        bulk = count >= _BULK
        if bulk:
            chunks = _made_in_another_process(snapshot, self.seed, count, start, end)
        else:
            chunks = _made_here(snapshot, self.seed, count, start, end)
        written = 0
        tables = [model._meta.table_name for model in LOADED] + list(self.env.search.tables)
        with indexes_deferred(self.env.db, tables) if bulk else nullcontext():
            for item in chunks:
                if isinstance(item, Rows):
                    self._write(item)
                    written += len(item.call)
                    if progress:
                        progress(written)
                else:
                    report, sequences = item
        with self.env.write():
            self._save_sequences(sequences)
            reset_id_sequences(self.env.db, LOADED)
        return report

    def _write(self, rows: Rows) -> None:
        db = self.env.db
        with self.env.write():
            for model in LOADED:
                data = getattr(rows, model._meta.table_name)
                if data:
                    insert_rows(db, model, TABLES[model].columns, data)
            if rows.documents:
                self.env.search.add_many(rows.documents)

    def _save_sequences(self, sequences: dict[str, int]) -> None:
        known = dict(TicketSequence.select(TicketSequence.day, TicketSequence.last_value).tuples())
        for day, value in sequences.items():
            if day not in known:
                TicketSequence.create(day=day, last_value=value)
            elif known[day] != value:
                TicketSequence.update(last_value=value).where(TicketSequence.day == day).execute()


def _next_id(model) -> int:
    return (model.select(model.id).order_by(model.id.desc()).scalar() or 0) + 1


_Made = Iterator["Rows | tuple[LoadReport, dict[str, int]]"]


def _made_here(snapshot, seed, count, start, end) -> _Made:
    maker = RowMaker(snapshot, seed)
    yield from maker.chunks(count, start, end)
    yield maker.report, maker.sequence


def _made_in_another_process(snapshot, seed, count, start, end) -> _Made:
    # "spawn" everywhere: forking a process that may hold Qt or database threads is unsafe.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=4)
    worker = context.Process(
        target=_make_rows, args=(snapshot, seed, count, start, end, queue), daemon=True
    )
    worker.start()
    try:
        while True:
            try:
                item = queue.get(timeout=60)
            except Empty:
                if worker.is_alive():
                    continue  # a slow chunk, not a dead worker
                raise RuntimeError(
                    f"the process making demo rows died (exit code {worker.exitcode})"
                ) from None
            if isinstance(item, BaseException):
                raise RuntimeError(f"making demo rows failed: {item!r}") from item
            yield item
            if isinstance(item, tuple):
                return
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()


def _make_rows(snapshot, seed, count, start, end, queue) -> None:
    try:
        for item in _made_here(snapshot, seed, count, start, end):
            queue.put(item)
    except BaseException as error:  # noqa: BLE001 - reported to the loading process
        queue.put(error)
