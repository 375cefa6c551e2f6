"""Demo rows made from demo calls: each ticket's life played out through the real rules.

A million tickets must load in minutes, so the rows are made here as plain tuples
(ids set, money in fen) without touching the database, and written in bulk by the
loader, which may run this in a second process while it writes. The rules are the
application's own: time limits on the working calendar, the dispatch levels, a
history event for every step.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from operator import itemgetter

from ..domain.calendar import WorkingCalendar
from ..domain.employers import employer_key
from ..domain.risk_rules import Figure, RiskFacts, RiskRules, to_stored
from ..domain.time_limits import TimeLimitPolicy
from ..domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    HandlingMethod,
    Satisfaction,
    TicketStatus,
    Urgency,
)
from ..domain.workflow import Step
from ..services.intake import format_ticket_number
from ..services.rule_versions import default_rules_data
from ..store.models import (
    Assignment,
    Call,
    Caller,
    Employer,
    Mediation,
    Payment,
    Ticket,
    TicketEvent,
)
from ..store.search import document
from .content import DemoCall, DemoContent

CHUNK = 5_000  # calls per chunk of rows, written in one transaction
# Rows hold the vocabulary's members themselves: they are str, and every driver stores
# their value. Reading Enum.value (a Python-level property) seven million times is not free.
_CALLER, _EMPLOYER, _CALL, _TICKET = "caller", "employer", "call", "ticket"
_TICKETEVENT, _ASSIGNMENT, _PAYMENT, _MEDIATION = (
    "ticket_event",
    "assignment",
    "payment",
    "mediation",
)


@dataclass
class DemoSnapshot:
    """What the row maker needs to know of the database; picklable, for a second process."""

    now: datetime
    calendar: WorkingCalendar
    limits: TimeLimitPolicy
    unit_ids: dict[str, int]
    children: dict[int, list[int]]
    city_codes: list[str]
    category_ids: dict[str, int]
    form_ids: dict[str, int]
    industry_ids: dict[str, int]
    agents: list[int]
    dispatcher: int
    supervisor: int
    handler_of_unit: dict[int, int]
    next_ids: dict[str, int]
    caller_ids: dict[str, int]
    employer_ids: dict[str, int]
    sequences: dict[str, int]


@dataclass
class LoadReport:
    calls: int = 0
    tickets: int = 0
    recovered: Decimal = Decimal("0")


@dataclass
class Rows:
    """One chunk of rows per table, written together in one transaction."""

    # Named after the tables they go to.
    caller: list[tuple] = field(default_factory=list)
    employer: list[tuple] = field(default_factory=list)
    call: list[tuple] = field(default_factory=list)
    ticket: list[tuple] = field(default_factory=list)
    ticket_event: list[tuple] = field(default_factory=list)
    assignment: list[tuple] = field(default_factory=list)
    payment: list[tuple] = field(default_factory=list)
    mediation: list[tuple] = field(default_factory=list)
    documents: list[tuple[int, str]] = field(default_factory=list)


class RowMaker:
    """Turns demo calls into chunks of rows, keeping the ids and counters between chunks."""

    def __init__(self, snapshot: DemoSnapshot, seed: int):
        self.snapshot = snapshot
        self.random = random.Random(seed)
        self.seed = seed
        self.now = snapshot.now
        self.calendar = snapshot.calendar
        self.limits = snapshot.limits
        self.ids = dict(snapshot.next_ids)
        self.caller_ids = snapshot.caller_ids
        self.employer_ids = snapshot.employer_ids
        self.sequence = snapshot.sequences
        self.agents = snapshot.agents
        self.dispatcher = snapshot.dispatcher
        self.supervisor = snapshot.supervisor
        self.handler_of_unit = snapshot.handler_of_unit
        self.rules = RiskRules.from_dict(default_rules_data(), version=1)
        self.office = snapshot.unit_ids["sx-office"]
        self.mediation = snapshot.unit_ids["sx-mediation"]
        self.report = LoadReport()

    def chunks(self, count: int, start: datetime, end: datetime) -> Iterator[Rows]:
        content = DemoContent(self.seed, self.snapshot.city_codes)
        rows = Rows()
        for call in content.calls(count, start, end):
            self._add_call(call, rows, self.report)
            self.report.calls += 1
            if len(rows.call) >= CHUNK:
                yield rows
                rows = Rows()
        yield rows

    # ---- one call ----

    def _new_id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _add_call(self, call: DemoCall, rows: Rows, report: LoadReport) -> None:
        at = call.received_at
        caller_id = self.caller_ids.get(call.phone)
        if caller_id is None:
            caller_id = self.caller_ids[call.phone] = self._new_id(_CALLER)
            rows.caller.append(
                TABLES[Caller].row(
                    id=caller_id,
                    phone=call.phone,
                    name=call.caller_name,
                    first_call_at=at,
                    last_call_at=at,
                )
            )
        agent = self.random.choice(self.agents)
        call_id = self._new_id(_CALL)
        rows.call.append(
            TABLES[Call].row(
                id=call_id,
                caller_id=caller_id,
                received_at=at,
                agent_id=agent,
                kind=call.kind,
                channel=call.channel,
                category_id=self.snapshot.category_ids.get(call.category_code),
                description=call.description,
                answer=call.answer,
                answered_on_call=not call.becomes_ticket,
            )
        )
        if call.becomes_ticket:
            self._add_ticket(call, call_id, caller_id, agent, rows, report)
            report.tickets += 1

    def _employer_id(self, name: str, rows: Rows) -> int | None:
        key = employer_key(name)
        if not key:
            return None
        employer_id = self.employer_ids.get(key)
        if employer_id is None:
            employer_id = self.employer_ids[key] = self._new_id(_EMPLOYER)
            rows.employer.append(TABLES[Employer].row(id=employer_id, name=name, key=key))
        return employer_id

    def _number(self, at: datetime) -> str:
        day = at.strftime("%Y%m%d")
        value = self.sequence.get(day, 0) + 1
        self.sequence[day] = value
        return format_ticket_number(day, value)

    def _lead_unit(self, call: DemoCall) -> int:
        units = self.snapshot.unit_ids
        city = units.get(call.region_code) or units["xa"]
        below = self.snapshot.children.get(city, [])
        if below and self.random.random() < 0.6:
            district = self.random.choice(below)
            grand = self.snapshot.children.get(district, [])
            if grand and self.random.random() < 0.3:
                return self.random.choice(grand)
            return district
        return city

    def _add_ticket(self, call, call_id, caller_id, agent, rows: Rows, report) -> None:
        ticket_id = self._new_id(_TICKET)
        number = self._number(call.received_at)
        life = _Life(self, ticket_id, call, agent)
        life.play(rows)
        report.recovered += life.fields["recovered_total"]
        rows.ticket_event.extend(life.events)
        region = self.snapshot.unit_ids.get(call.region_code)
        rows.ticket.append(
            TABLES[Ticket].row(
                id=ticket_id,
                number=number,
                call_id=call_id,
                caller_id=caller_id,
                caller_name=call.caller_name,
                phone=call.phone,
                employer_id=self._employer_id(call.employer_name, rows),
                employer_name=call.employer_name,
                region_id=region,
                industry_id=self.snapshot.industry_ids.get(call.industry_code),
                employment_form_id=self.snapshot.form_ids.get(call.employment_form_code),
                category_id=self.snapshot.category_ids[call.category_code],
                headcount=call.headcount,
                amount_involved=_fen(call.amount),
                description=call.description,
                risk_marks=self._risk_marks(call),
                urgency=call.urgency,
                channel=call.channel,
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

    def _risk_marks(self, call: DemoCall) -> str:
        """The warning items the shipped rules see in the call's own figures and words;
        the repeat rule, which needs the other tickets, is left to the services."""
        headcount = Figure(Decimal(call.headcount), "")
        amount = Figure(call.amount, "") if call.amount is not None else None
        facts = RiskFacts(call.description, headcount, amount)
        return to_stored(finding.kind for finding in self.rules.evaluate(facts))

    def _payments(self, call, ticket_id, handler, signed, completed, rows) -> Decimal:
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
            # Instalments arrive while the unit works on it; the last one closes the ticket.
            paid = signed + (completed - signed) * (index + 1) / instalments
            rows.payment.append(
                TABLES[Payment].row(
                    id=self._new_id(_PAYMENT),
                    ticket_id=ticket_id,
                    amount=_fen(amount),
                    paid_on=paid.date(),
                    note=f"第{index + 1}批",
                    recorded_by_id=handler,
                    recorded_at=completed,
                )
            )
        return total


class _Life:
    """One demo ticket's lifecycle, played step by step up to the loader's "now"."""

    def __init__(self, maker: RowMaker, ticket_id: int, call: DemoCall, agent: int):
        self.maker = maker
        self.r = maker.random
        self.ticket_id = ticket_id
        self.call = call
        self.calendar = maker.calendar
        self.limits = maker.limits.limits_for(
            call.category_code, call.urgency, headcount=call.headcount
        )
        self.events: list[tuple] = []
        self.last_at, self.last_actor = call.received_at, agent
        self.status = TicketStatus.NEW
        self.fields: dict = {"status": TicketStatus.NEW, "recovered_total": Decimal("0")}
        self.event(Step.CREATE, agent, call.received_at)

    def event(self, step: Step, actor: int, at: datetime, to_status=None, unit=None, note=""):
        to_status = to_status or self.status
        self.events.append(
            TABLES[TicketEvent].row(
                id=self.maker._new_id(_TICKETEVENT),
                ticket_id=self.ticket_id,
                at=at,
                actor_id=actor,
                step=step,
                from_status=None if step == Step.CREATE else self.status,
                to_status=to_status,
                unit_id=unit,
                note=note,
            )
        )
        self.status, self.last_at, self.last_actor = to_status, at, actor
        self.fields["status"] = to_status

    def reached(self, moment: datetime) -> bool:
        return moment <= self.maker.now

    def play(self, rows: Rows) -> None:
        maker, r, call = self.maker, self.r, self.call
        handling, unit = self._route()
        dispatched = call.received_at + timedelta(minutes=r.uniform(5, 240))
        if not self.reached(dispatched):
            return
        in_house = handling != HandlingMethod.DISPATCH
        sign_due = None if in_house else self.limits.sign.due(dispatched, self.calendar)
        self.fields.update(
            handling=handling,
            holder_unit_id=unit,
            receiving_unit_id=unit,
            dispatched_at=dispatched,
            sign_due_at=sign_due,
            due_at=self.limits.complete.due(dispatched, self.calendar),
        )
        status = TicketStatus.IN_PROGRESS if in_house else TicketStatus.DISPATCHED
        self.event(_STEP_OF[handling], maker.dispatcher, dispatched, status)
        if handling == HandlingMethod.MEDIATION:
            rows.mediation.append(
                TABLES[Mediation].row(
                    id=maker._new_id(_MEDIATION),
                    ticket_id=self.ticket_id,
                    worker_consent=True,
                    employer_consent=True,
                    consent_note="双方同意调解",
                    started_at=dispatched,
                    started_by_id=maker.dispatcher,
                )
            )
        handler = maker.handler_of_unit.get(unit, maker.dispatcher)
        state, signed, finished = AssignmentState.DISPATCHED, None, None
        signed_at = dispatched if in_house else dispatched + timedelta(hours=r.uniform(0.3, 30))
        if in_house or self.reached(signed_at):
            state, signed = AssignmentState.SIGNED, signed_at
            if not in_house:
                self.event(Step.SIGN, handler, signed_at, TicketStatus.IN_PROGRESS, unit)
                self.fields["signed_at"] = signed_at
            finished = self._complete(handler, unit, signed_at, rows)
            if finished:
                state = AssignmentState.COMPLETED
        if self.status not in TicketStatus.open_statuses():
            self.fields["holder_unit_id"] = None
        rows.assignment.append(
            TABLES[Assignment].row(
                id=maker._new_id(_ASSIGNMENT),
                ticket_id=self.ticket_id,
                unit_id=unit,
                role=AssignmentRole.LEAD,
                state=state,
                dispatched_at=dispatched,
                dispatched_by_id=maker.dispatcher,
                sign_due_at=sign_due,
                return_deadline=self.limits.return_window.due(dispatched, self.calendar),
                signed_at=signed,
                signed_by_id=handler if signed else None,
                finished_at=finished,
            )
        )

    def _route(self) -> tuple[HandlingMethod, int]:
        maker, call, roll = self.maker, self.call, self.r.random()
        big = (call.amount or 0) >= 500_000 or call.headcount >= 30
        if call.urgency == Urgency.URGENT and big and roll < 0.6:
            return HandlingMethod.OFFICE, maker.office
        if call.category_code in ("wages", "contract", "work_injury") and roll < 0.04:
            return HandlingMethod.MEDIATION, maker.mediation
        return HandlingMethod.DISPATCH, maker._lead_unit(call)

    def _complete(self, handler: int, unit: int, signed_at: datetime, rows) -> datetime | None:
        days = self.r.choice((1, 2, 3, 3, 4, 4, 5, 5, 6, 8))
        completed = self.calendar.add_working_days(signed_at, days) + timedelta(
            minutes=self.r.uniform(-300, 300)
        )
        if not self.reached(completed):
            return None
        result = _RESULTS.get(self.call.category_code, _DEFAULT_RESULT)
        recovered = self.maker._payments(
            self.call, self.ticket_id, handler, signed_at, completed, rows
        )
        note = result + (f" (¥{recovered:,.2f})" if recovered else "")
        self.event(Step.COMPLETE, handler, completed, TicketStatus.COMPLETED, unit, note)
        self.fields.update(
            completed_at=completed,
            result=result,
            recovered_total=recovered,
            callback_due_at=self.limits.callback.due(completed, self.calendar),
        )
        self._callback_and_archive(completed)
        return completed

    def _callback_and_archive(self, completed: datetime) -> None:
        r, supervisor = self.r, self.maker.supervisor
        called = completed + timedelta(hours=r.uniform(16, 40))
        if not self.reached(called):
            return
        satisfaction = r.choices(_SATISFACTION, weights=(82, 12, 4, 2))[0]
        self.event(
            Step.CALLBACK, supervisor, called, TicketStatus.CALLED_BACK, None, satisfaction.zh
        )
        self.fields.update(called_back_at=called, satisfaction=satisfaction)
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


class Table:
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


LOADED = (Caller, Employer, Call, Ticket, TicketEvent, Assignment, Payment, Mediation)
TABLES = {model: Table(model) for model in LOADED}
