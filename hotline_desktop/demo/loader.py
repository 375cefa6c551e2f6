"""Filling a database with demo calls and tickets that went through the real lifecycle.

A million tickets must load in minutes, so this writes rows in bulk instead of
calling the services one step at a time; it follows the same rules (time
limits on the working calendar, the dispatch levels, history events for every
step) so that the demo data looks like a year of the hotline's work.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from operator import itemgetter

from argon2 import PasswordHasher

from ..domain.employers import employer_key
from ..domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    HandlingMethod,
    Role,
    Satisfaction,
    TicketStatus,
    UnitKind,
    Urgency,
)
from ..domain.workflow import Step
from ..services.environment import Environment
from ..services.intake import format_ticket_number
from ..store.bulk import indexes_deferred, insert_rows, reset_id_sequences
from ..store.models import (
    Assignment,
    Call,
    Caller,
    Category,
    Employer,
    EmploymentForm,
    Industry,
    Mediation,
    OrgUnit,
    Payment,
    Ticket,
    TicketEvent,
    TicketSequence,
    User,
)
from ..store.search import document
from .content import DemoCall, DemoContent

DEMO_PASSWORD = "hotline-demo"

# (user name, role, unit code, display name, main leader): the accounts the README lists.
DEMO_USERS = (
    ("agent", Role.AGENT, "sx-centre", "王芳 (话务员)", False),
    ("dispatcher", Role.DISPATCHER, "sx-centre", "李强 (派单员)", False),
    ("supervisor", Role.SUPERVISOR, "sx-centre", "赵敏 (督办)", False),
    ("admin", Role.ADMIN, "sx-centre", "系统管理员", False),
    ("office", Role.UNIT_HANDLER, "sx-office", "刘洋 (领导小组办公室)", False),
    ("mediator", Role.UNIT_HANDLER, "sx-mediation", "陈律师 (调解工作室)", False),
    ("xian", Role.UNIT_HANDLER, "xa", "周伟 (西安市总工会)", False),
    ("yanta", Role.UNIT_HANDLER, "xa-yanta", "孙丽 (雁塔区总工会)", False),
    ("leader", Role.LEADER, "sx", "省总领导", True),
    ("xian-leader", Role.LEADER, "xa", "西安市总工会主要领导", True),
)

_CHUNK = 5_000
# From this many calls on, indexes are built once at the end instead of row by row.
_DEFER_INDEXES = 50_000
_BATCH_UNITS = {UnitKind.CITY, UnitKind.DISTRICT, UnitKind.SEPARATE, UnitKind.ENTERPRISE}


def ensure_demo_users(env: Environment) -> list[str]:
    """The README's demo accounts plus one handler per receiving unit; returns new names."""
    hasher = PasswordHasher()
    password_hash = hasher.hash(DEMO_PASSWORD)  # one slow hash, shared by every demo account
    units = {unit.code: unit for unit in OrgUnit.select()}
    wanted = [(name, role, code, display, main) for name, role, code, display, main in DEMO_USERS]
    for unit in units.values():
        if UnitKind(unit.kind) in _BATCH_UNITS:
            wanted.append((f"h-{unit.code}", Role.UNIT_HANDLER, unit.code, unit.name_zh, False))
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


@dataclass
class LoadReport:
    calls: int = 0
    tickets: int = 0
    recovered: Decimal = Decimal("0")


@dataclass
class _Rows:
    """One chunk of rows per table, written together in one transaction."""

    callers: list[tuple] = field(default_factory=list)
    employers: list[tuple] = field(default_factory=list)
    calls: list[tuple] = field(default_factory=list)
    tickets: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    assignments: list[tuple] = field(default_factory=list)
    payments: list[tuple] = field(default_factory=list)
    mediations: list[tuple] = field(default_factory=list)
    documents: list[tuple[int, str]] = field(default_factory=list)


def _next_id(model) -> int:
    return (model.select(model.id).order_by(model.id.desc()).scalar() or 0) + 1


class DemoLoader:
    def __init__(self, env: Environment, seed: int = 12351):
        self.env = env
        self.random = random.Random(seed)
        self.seed = seed
        self.now = env.now()
        self._load_reference()

    def _load_reference(self) -> None:
        units = list(OrgUnit.select())
        self.unit_by_code = {u.code: u for u in units}
        self.children = defaultdict(list)
        for unit in units:
            if unit.parent_id:
                self.children[unit.parent_id].append(unit)
        self.category_id = {c.code: c.id for c in Category.select()}
        self.form_id = {f.code: f.id for f in EmploymentForm.select()}
        self.industry_id = {i.code: i.id for i in Industry.select()}
        users = list(User.select())
        by_role = defaultdict(list)
        self.handler_of_unit = {}
        for user in users:
            by_role[user.role].append(user.id)
            if user.role == Role.UNIT_HANDLER.value:
                self.handler_of_unit.setdefault(user.unit_id, user.id)
        if not by_role[Role.AGENT.value] or not by_role[Role.DISPATCHER.value]:
            raise RuntimeError("demo users are missing: run ensure_demo_users first")
        self.agents = by_role[Role.AGENT.value]
        self.dispatcher = by_role[Role.DISPATCHER.value][0]
        self.supervisor = (by_role[Role.SUPERVISOR.value] or self.agents)[0]
        self.office = self.unit_by_code["sx-office"]
        self.mediation = self.unit_by_code["sx-mediation"]
        self.cities = [u.code for u in units if u.kind == UnitKind.CITY.value]

    def load(
        self,
        count: int,
        start: datetime,
        end: datetime,
        progress: Callable[[int], None] | None = None,
    ) -> LoadReport:
        content = DemoContent(self.seed, self.cities)
        self.caller_ids = dict(Caller.select(Caller.phone, Caller.id).tuples())
        self.employer_ids = dict(Employer.select(Employer.key, Employer.id).tuples())
        self.ids = {model: _next_id(model) for model in _LOADED}
        self.sequence = dict(
            TicketSequence.select(TicketSequence.day, TicketSequence.last_value).tuples()
        )
        report = LoadReport()
        deferred = (
            indexes_deferred(self.env.db, _LOADED) if count >= _DEFER_INDEXES else nullcontext()
        )
        with deferred:
            rows = _Rows()
            for call in content.calls(count, start, end):
                self._add_call(call, rows, report)
                report.calls += 1
                if len(rows.calls) >= _CHUNK:
                    self._write(rows)
                    rows = _Rows()
                    if progress:
                        progress(report.calls)
            self._write(rows)
        with self.env.write():
            self._save_sequences()
            reset_id_sequences(self.env.db, _LOADED)
        if progress:
            progress(report.calls)
        return report

    # ---- one call ----

    def _new_id(self, model) -> int:
        value = self.ids[model]
        self.ids[model] = value + 1
        return value

    def _add_call(self, call: DemoCall, rows: _Rows, report: LoadReport) -> None:
        at = call.received_at
        caller_id = self.caller_ids.get(call.phone)
        if caller_id is None:
            caller_id = self.caller_ids[call.phone] = self._new_id(Caller)
            rows.callers.append(
                _TABLES[Caller].row(
                    id=caller_id,
                    phone=call.phone,
                    name=call.caller_name,
                    first_call_at=at,
                    last_call_at=at,
                )
            )
        agent = self.random.choice(self.agents)
        call_id = self._new_id(Call)
        rows.calls.append(
            _TABLES[Call].row(
                id=call_id,
                caller_id=caller_id,
                received_at=at,
                agent_id=agent,
                kind=call.kind.value,
                channel=call.channel.value,
                category_id=self.category_id.get(call.category_code),
                description=call.description,
                answer=call.answer,
                answered_on_call=not call.becomes_ticket,
            )
        )
        if call.becomes_ticket:
            self._add_ticket(call, call_id, caller_id, agent, rows, report)
            report.tickets += 1

    def _employer_id(self, name: str, rows: _Rows) -> int | None:
        key = employer_key(name)
        if not key:
            return None
        employer_id = self.employer_ids.get(key)
        if employer_id is None:
            employer_id = self.employer_ids[key] = self._new_id(Employer)
            rows.employers.append(_TABLES[Employer].row(id=employer_id, name=name, key=key))
        return employer_id

    def _number(self, at: datetime) -> str:
        day = at.strftime("%Y%m%d")
        value = self.sequence.get(day, 0) + 1
        self.sequence[day] = value
        return format_ticket_number(day, value)

    def _lead_unit(self, call: DemoCall) -> OrgUnit:
        city = self.unit_by_code.get(call.region_code) or self.unit_by_code["xa"]
        below = self.children.get(city.id, [])
        if below and self.random.random() < 0.6:
            district = self.random.choice(below)
            grand = self.children.get(district.id, [])
            if grand and self.random.random() < 0.3:
                return self.random.choice(grand)
            return district
        return city

    def _add_ticket(self, call, call_id, caller_id, agent, rows: _Rows, report) -> None:
        ticket_id = self._new_id(Ticket)
        number = self._number(call.received_at)
        life = _Life(self, ticket_id, call, agent)
        life.play(rows)
        report.recovered += life.fields["recovered_total"]
        rows.events.extend(life.events)
        region = self.unit_by_code.get(call.region_code)
        rows.tickets.append(
            _TABLES[Ticket].row(
                id=ticket_id,
                number=number,
                call_id=call_id,
                caller_id=caller_id,
                caller_name=call.caller_name,
                phone=call.phone,
                employer_id=self._employer_id(call.employer_name, rows),
                employer_name=call.employer_name,
                region_id=region.id if region else None,
                industry_id=self.industry_id.get(call.industry_code),
                employment_form_id=self.form_id.get(call.employment_form_code),
                category_id=self.category_id[call.category_code],
                headcount=call.headcount,
                amount_involved=_fen(call.amount),
                description=call.description,
                urgency=call.urgency.value,
                channel=call.channel.value,
                created_at=call.received_at,
                created_by_id=agent,
                version=len(life.events),
                updated_at=life.last_at,
                updated_by_id=life.last_actor,
                **{
                    name: _fen(value) if isinstance(value, Decimal) else value
                    for name, value in life.fields.items()
                },
            )
        )
        rows.documents.append(
            (ticket_id, document(number, call.caller_name, call.employer_name, call.description))
        )

    def _payments(self, call, ticket_id, handler, completed, rows) -> Decimal:
        r = self.random
        # Most calls about wages end with advice or a referral, and what is recovered is
        # usually a few months' pay of a few workers: the source reports about 420 yuan
        # recovered per ticket on average.
        if call.category_code != "wages" or not call.amount or r.random() > 0.15:
            return Decimal("0")
        owed = r.lognormvariate(8.0, 0.8) * min(call.headcount, 5)  # median about 3,000 yuan each
        total = min(call.amount, Decimal(round(owed, -1))).quantize(Decimal("0.01"))
        instalments = r.choice((1, 1, 2, 3))
        part = (total / instalments).quantize(Decimal("0.01"))
        for index in range(instalments):
            amount = part if index < instalments - 1 else total - part * (instalments - 1)
            paid = completed - timedelta(days=(instalments - 1 - index) * 7)
            rows.payments.append(
                _TABLES[Payment].row(
                    id=self._new_id(Payment),
                    ticket_id=ticket_id,
                    amount=_fen(amount),
                    paid_on=paid.date(),
                    note=f"第{index + 1}批",
                    recorded_by_id=handler,
                    recorded_at=completed,
                )
            )
        return total

    # ---- writing ----

    def _write(self, rows: _Rows) -> None:
        db = self.env.db
        with self.env.write():
            for model, data in (
                (Caller, rows.callers),
                (Employer, rows.employers),
                (Call, rows.calls),
                (Ticket, rows.tickets),
                (TicketEvent, rows.events),
                (Assignment, rows.assignments),
                (Payment, rows.payments),
                (Mediation, rows.mediations),
            ):
                if data:
                    insert_rows(db, model, _TABLES[model].columns, data)
            if rows.documents:
                self.env.search.add_many(rows.documents)

    def _save_sequences(self) -> None:
        known = dict(TicketSequence.select(TicketSequence.day, TicketSequence.last_value).tuples())
        for day, value in self.sequence.items():
            if day not in known:
                TicketSequence.create(day=day, last_value=value)
            elif known[day] != value:
                TicketSequence.update(last_value=value).where(TicketSequence.day == day).execute()


class _Life:
    """One demo ticket's lifecycle, played step by step up to the loader's "now"."""

    def __init__(self, loader: DemoLoader, ticket_id: int, call: DemoCall, agent: int):
        self.loader = loader
        self.r = loader.random
        self.ticket_id = ticket_id
        self.call = call
        self.calendar = loader.env.calendar
        self.limits = loader.env.limits.limits_for(
            call.category_code, call.urgency, headcount=call.headcount
        )
        self.events: list[tuple] = []
        self.last_at, self.last_actor = call.received_at, agent
        self.status = TicketStatus.NEW
        self.fields: dict = {"status": TicketStatus.NEW.value, "recovered_total": Decimal("0")}
        self.event(Step.CREATE, agent, call.received_at)

    def event(self, step: Step, actor: int, at: datetime, to_status=None, unit=None, note=""):
        to_status = to_status or self.status
        self.events.append(
            _TABLES[TicketEvent].row(
                id=self.loader._new_id(TicketEvent),
                ticket_id=self.ticket_id,
                at=at,
                actor_id=actor,
                step=step.value,
                from_status=None if step == Step.CREATE else self.status.value,
                to_status=to_status.value,
                unit_id=unit,
                note=note,
            )
        )
        self.status, self.last_at, self.last_actor = to_status, at, actor
        self.fields["status"] = to_status.value

    def reached(self, moment: datetime) -> bool:
        return moment <= self.loader.now

    def play(self, rows: _Rows) -> None:
        loader, r, call = self.loader, self.r, self.call
        handling, unit = self._route()
        dispatched = call.received_at + timedelta(minutes=r.uniform(5, 240))
        if not self.reached(dispatched):
            return
        in_house = handling != HandlingMethod.DISPATCH
        sign_due = None if in_house else self.limits.sign.due(dispatched, self.calendar)
        self.fields.update(
            handling=handling.value,
            holder_unit_id=unit.id,
            receiving_unit_id=unit.id,
            dispatched_at=dispatched,
            sign_due_at=sign_due,
            due_at=self.limits.complete.due(dispatched, self.calendar),
        )
        status = TicketStatus.IN_PROGRESS if in_house else TicketStatus.DISPATCHED
        self.event(_STEP_OF[handling], loader.dispatcher, dispatched, status)
        if handling == HandlingMethod.MEDIATION:
            rows.mediations.append(
                _TABLES[Mediation].row(
                    id=loader._new_id(Mediation),
                    ticket_id=self.ticket_id,
                    worker_consent=True,
                    employer_consent=True,
                    consent_note="双方同意调解",
                    started_at=dispatched,
                    started_by_id=loader.dispatcher,
                )
            )
        handler = loader.handler_of_unit.get(unit.id, loader.dispatcher)
        state, signed, finished = AssignmentState.DISPATCHED, None, None
        signed_at = dispatched if in_house else dispatched + timedelta(hours=r.uniform(0.3, 30))
        if in_house or self.reached(signed_at):
            state, signed = AssignmentState.SIGNED, signed_at
            if not in_house:
                self.event(Step.SIGN, handler, signed_at, TicketStatus.IN_PROGRESS, unit.id)
                self.fields["signed_at"] = signed_at
            finished = self._complete(handler, unit, signed_at, rows)
            if finished:
                state = AssignmentState.COMPLETED
        if self.status not in TicketStatus.open_statuses():
            self.fields["holder_unit_id"] = None
        rows.assignments.append(
            _TABLES[Assignment].row(
                id=loader._new_id(Assignment),
                ticket_id=self.ticket_id,
                unit_id=unit.id,
                role=AssignmentRole.LEAD.value,
                state=state.value,
                dispatched_at=dispatched,
                dispatched_by_id=loader.dispatcher,
                sign_due_at=sign_due,
                return_deadline=self.limits.return_window.due(dispatched, self.calendar),
                signed_at=signed,
                signed_by_id=handler if signed else None,
                finished_at=finished,
            )
        )

    def _route(self) -> tuple[HandlingMethod, OrgUnit]:
        loader, call, roll = self.loader, self.call, self.r.random()
        big = (call.amount or 0) >= 500_000 or call.headcount >= 30
        if call.urgency == Urgency.URGENT and big and roll < 0.6:
            return HandlingMethod.OFFICE, loader.office
        if call.category_code in ("wages", "contract", "work_injury") and roll < 0.04:
            return HandlingMethod.MEDIATION, loader.mediation
        return HandlingMethod.DISPATCH, loader._lead_unit(call)

    def _complete(self, handler: int, unit: OrgUnit, signed_at: datetime, rows) -> datetime | None:
        days = self.r.choice((1, 2, 3, 3, 4, 4, 5, 5, 6, 8))
        completed = self.calendar.add_working_days(signed_at, days) + timedelta(
            minutes=self.r.uniform(-300, 300)
        )
        if not self.reached(completed):
            return None
        result = _RESULTS.get(self.call.category_code, _DEFAULT_RESULT)
        recovered = self.loader._payments(self.call, self.ticket_id, handler, completed, rows)
        note = result + (f" (¥{recovered:,.2f})" if recovered else "")
        self.event(Step.COMPLETE, handler, completed, TicketStatus.COMPLETED, unit.id, note)
        self.fields.update(
            completed_at=completed,
            result=result,
            recovered_total=recovered,
            callback_due_at=self.limits.callback.due(completed, self.calendar),
        )
        self._callback_and_archive(completed)
        return completed

    def _callback_and_archive(self, completed: datetime) -> None:
        r, supervisor = self.r, self.loader.supervisor
        called = completed + timedelta(hours=r.uniform(16, 40))
        if not self.reached(called):
            return
        satisfaction = r.choices(_SATISFACTION, weights=(82, 12, 4, 2))[0]
        self.event(
            Step.CALLBACK, supervisor, called, TicketStatus.CALLED_BACK, None, satisfaction.zh
        )
        self.fields.update(called_back_at=called, satisfaction=satisfaction.value)
        archived = called + timedelta(days=r.uniform(1, 4))
        # An unsatisfied caller's ticket waits for the centre to decide on reopening it.
        if satisfaction != Satisfaction.UNSATISFIED and self.reached(archived):
            self.event(Step.ARCHIVE, supervisor, archived, TicketStatus.ARCHIVED)
            self.fields["archived_at"] = archived


_STEP_OF = {
    HandlingMethod.DISPATCH: Step.DISPATCH,
    HandlingMethod.OFFICE: Step.HANDLE_IN_OFFICE,
    HandlingMethod.MEDIATION: Step.MEDIATE,
}
_SATISFACTION = (
    Satisfaction.SATISFIED,
    Satisfaction.BASICALLY_SATISFIED,
    Satisfaction.UNSATISFIED,
    Satisfaction.UNREACHABLE,
)


_RESULTS = {
    "wages": "经协调，用人单位已按约定分批支付拖欠工资，职工表示认可。",
    "social_insurance": "已督促用人单位为职工补缴社会保险，并告知后续查询渠道。",
    "work_injury": "已协助职工提交工伤认定申请材料，并联系法律援助律师跟进。",
    "platform_rights": "已与平台站点工会沟通，取消不合理罚款并恢复账号。",
    "contract": "已协调用人单位与职工补签劳动合同，依法支付经济补偿。",
}


_DEFAULT_RESULT = "已联系相关单位核实处理，并向来电人反馈办理结果。"


def _fen(amount: Decimal | None) -> int | None:
    return None if amount is None else int(amount * 100)


class _Table:
    """Rows as tuples in a model's column order, with the model's defaults filled in."""

    def __init__(self, model):
        self.model = model
        self.columns = tuple(column.column_name for column in model._meta.sorted_fields)
        self.defaults = {}
        for column in model._meta.sorted_fields:
            default = column.default() if callable(column.default) else column.default
            self.defaults[column.column_name] = column.db_value(default)
        # itemgetter builds the tuple in C: a million tickets make seven million rows.
        self._in_order = itemgetter(*self.columns)

    def row(self, **values) -> tuple:
        merged = {**self.defaults, **values}
        if len(merged) != len(self.defaults):
            unknown = sorted(merged.keys() - self.defaults.keys())
            raise KeyError(f"{self.model.__name__} has no column {unknown}")
        return self._in_order(merged)


_LOADED = (Caller, Employer, Call, Ticket, TicketEvent, Assignment, Payment, Mediation)
_TABLES = {model: _Table(model) for model in _LOADED}
