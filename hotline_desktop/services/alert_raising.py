"""The 1155 rules at work: evaluated while the agent types, when a ticket is created and
at each change of it; what they find becomes alerts and marks on the tickets.

An alert is raised once for what it is about. Each open alert holds a key ("danger:t42",
"repeated:e7") under a unique index, so that a second evaluation, on this workstation or
another, finds the open alert and links its ticket instead of raising a twin: the third
report about one employer raises one alert that covers all three tickets. A ticket that
an alert of a rule already covers, open or resolved, is not raised for by that rule again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

import peewee

from ..domain import validation
from ..domain.alerts import AlertAction, AlertState
from ..domain.employers import employer_key
from ..domain.errors import InvalidInput
from ..domain.intake_assistant import CategoryHints, Suggestions, risk_facts, suggest
from ..domain.phrases import QT_TRANSLATE_NOOP, Phrase, said
from ..domain.risk_rules import RiskFinding, RiskKind, RiskRule, RiskRules
from ..domain.workflow import Step
from ..store.models import Alert, AlertEvent, AlertTicket, Caller, Employer, Ticket, TicketEvent
from .environment import Environment
from .rule_versions import current_rules

# A repeat alert links the tickets of its window; past this many, the newest.
MAX_LINKED = 100
_SKIPPED_STATUSES = ("merged", "archived")

_hints: CategoryHints | None = None


def category_hints() -> CategoryHints:
    global _hints
    if _hints is None:
        _hints = CategoryHints.load()
    return _hints


# ---- while the agent types ----


def check_intake(
    env: Environment,
    *,
    description: str,
    headcount: int | str | None = None,
    amount: Decimal | str | None = None,
    phone: str = "",
    employer_name: str = "",
) -> Suggestions:
    """What the assistant suggests for the call being typed, counting the caller's and
    the employer's earlier reports within the repeat window. Read-only, and forgiving:
    a half-typed phone or amount counts as not given."""
    rules = current_rules(env)
    since = env.now() - timedelta(days=rules.repeat_window_days)
    caller_id = _caller_id(env, phone)
    key = employer_key(employer_name)
    employer_id = env.sql.first_id(Employer, "key", key) if key else None
    # This call is a report too: the third call counts three.
    caller_reports = 1 + _reports(env, "caller_id", caller_id, since) if phone else 0
    employer_reports = 1 + _reports(env, "employer_id", employer_id, since) if key else 0
    return suggest(
        description,
        rules,
        category_hints(),
        headcount=_forgiving(validation.headcount, headcount),
        amount=_forgiving(validation.amount, amount),
        caller_reports=caller_reports,
        employer_reports=employer_reports,
        employer_name=employer_name.strip(),
    )


def _forgiving(check, value):
    if value in (None, ""):
        return None
    try:
        return check(value)
    except InvalidInput:
        return None


def _caller_id(env: Environment, phone: str) -> int | None:
    try:
        number = validation.phone(phone)
    except InvalidInput:
        return None
    return env.sql.first_id(Caller, "phone", number)


def _reports(env: Environment, column: str, value: int | None, since: datetime) -> int:
    """Tickets from this caller or about this employer created since ``since``."""
    if value is None:
        return 0
    mark = env.db.param
    sql = (
        f"SELECT count(*) FROM ticket WHERE {column} = {mark} AND created_at >= {mark} "
        f"AND status NOT IN ('merged')"
    )
    return env.db.execute_sql(sql, (value, since)).fetchone()[0]


# ---- when a ticket is created or changed ----


def raise_alerts(
    env: Environment,
    ticket: Ticket,
    actor_id: int,
    *,
    added: Iterable[RiskKind] = (),
    dismissed: Iterable[RiskKind] = (),
) -> list[int]:
    """Inside the caller's write transaction: evaluate the rules on ``ticket`` and raise
    or extend the alerts they call for. ``added`` are warning items the agent judged
    present; ``dismissed`` those the agent overrode. Returns the ids of alerts raised."""
    if ticket.status in _SKIPPED_STATUSES:
        return []
    rules = current_rules(env)
    since = ticket.created_at - timedelta(days=rules.repeat_window_days)
    facts = risk_facts(
        ticket.description or "",
        headcount=ticket.headcount,
        amount=ticket.amount_involved,
        caller_reports=_reports_until(env, "caller_id", ticket.caller_id, since, ticket),
        employer_reports=_reports_until(env, "employer_id", ticket.employer_id, since, ticket),
        employer_name=ticket.employer_name,
    )
    dismissed = set(dismissed) | set(kinds_of(ticket.risk_dismissed))
    findings = [f for f in rules.evaluate(facts) if f.kind not in dismissed]
    found_kinds = {f.kind for f in findings}
    findings += [
        RiskFinding(
            kind,
            RiskRule.AGENT_JUDGEMENT,
            said(QT_TRANSLATE_NOOP("Messages", "marked by the agent who took the call")),
        )
        for kind in added
        if kind not in found_kinds
    ]
    if not findings:
        return []
    covered = _rules_covering(ticket.id)
    raised = []
    for finding in findings:
        if finding.rule.value in covered:
            continue
        alert_id = _raise_or_link(env, rules, finding, ticket, actor_id, since)
        if alert_id is not None:
            raised.append(alert_id)
    return raised


def _reports_until(
    env: Environment, column: str, value: int | None, since: datetime, ticket: Ticket
) -> int:
    """Reports within the window that ends with this ticket: a changed ticket is judged
    by the reports around its own call, not by today's."""
    if value is None:
        return 0
    mark = env.db.param
    sql = (
        f"SELECT count(*) FROM ticket WHERE {column} = {mark} AND created_at >= {mark} "
        f"AND created_at <= {mark} AND status NOT IN ('merged')"
    )
    return env.db.execute_sql(sql, (value, since, ticket.created_at)).fetchone()[0]


def _rules_covering(ticket_id: int) -> set[str]:
    rows = (
        Alert.select(Alert.rule)
        .join(AlertTicket, on=(AlertTicket.alert == Alert.id))
        .where(AlertTicket.ticket == ticket_id)
        .tuples()
    )
    return {rule for (rule,) in rows}


def _open_key(finding: RiskFinding, ticket: Ticket) -> str:
    if finding.rule == RiskRule.REPEAT_EMPLOYER:
        return f"repeated:e{ticket.employer_id}"
    if finding.rule == RiskRule.REPEAT_CALLER:
        return f"repeated:c{ticket.caller_id}"
    return f"{finding.kind.value}:t{ticket.id}"


def _linked_tickets(finding: RiskFinding, ticket: Ticket, since: datetime) -> list[int]:
    """The tickets an alert is about: the reports of the window for a repeat, else one."""
    if finding.rule == RiskRule.REPEAT_EMPLOYER:
        same = Ticket.employer == ticket.employer_id
    elif finding.rule == RiskRule.REPEAT_CALLER:
        same = Ticket.caller == ticket.caller_id
    else:
        return [ticket.id]
    rows = (
        Ticket.select(Ticket.id)
        .where(
            same
            & (Ticket.created_at >= since)
            & (Ticket.created_at <= ticket.created_at)
            & (Ticket.status != "merged")
        )
        .order_by(Ticket.created_at.desc())
        .limit(MAX_LINKED)
        .tuples()
    )
    return sorted({ticket.id, *(row_id for (row_id,) in rows)})


def _raise_or_link(
    env: Environment,
    rules: RiskRules,
    finding: RiskFinding,
    ticket: Ticket,
    actor_id: int,
    since: datetime,
) -> int | None:
    key = _open_key(finding, ticket)
    tickets = _linked_tickets(finding, ticket, since)
    existing = Alert.get_or_none(Alert.open_key == key)
    raised = None
    if existing is None:
        now = env.now()
        try:
            # A savepoint: on PostgreSQL a failed insert would spoil the whole transaction.
            with env.db.atomic():
                existing = Alert.create(
                    kind=finding.kind.value,
                    level=rules.level(finding.kind).value,
                    rule=finding.rule.value,
                    rule_version=rules.version
                    if finding.rule != RiskRule.AGENT_JUDGEMENT
                    else None,
                    reason=phrase_json(finding.reason),
                    playbook=json.dumps(rules.playbooks[finding.kind], ensure_ascii=False),
                    ticket=ticket.id,
                    raised_at=now,
                    state=AlertState.NEW.value,
                    open_key=key,
                )
        except peewee.IntegrityError:
            existing = Alert.get(Alert.open_key == key)  # another workstation was first
        else:
            raised = existing.id
            AlertEvent.create(
                alert=existing.id, at=now, actor=None, action=AlertAction.RAISED.value
            )
    link_tickets(env, existing, tickets, actor_id, announce=raised is None)
    return raised


def link_tickets(
    env: Environment, alert: Alert, ticket_ids: Sequence[int], actor_id: int, *, announce: bool
) -> None:
    """Link the tickets the alert does not cover yet, and mark them with its warning item."""
    known = {
        row_id
        for (row_id,) in AlertTicket.select(AlertTicket.ticket)
        .where(AlertTicket.alert == alert.id)
        .tuples()
    }
    new = [row_id for row_id in ticket_ids if row_id not in known]
    if not new:
        return
    AlertTicket.insert_many([(alert.id, row_id) for row_id in new]).on_conflict_ignore().execute()
    if announce:
        AlertEvent.create(
            alert=alert.id,
            at=env.now(),
            actor=None,
            action=AlertAction.LINKED.value,
            note=", ".join(
                number
                for (number,) in Ticket.select(Ticket.number).where(Ticket.id.in_(new)).tuples()
            ),
        )
    kind = RiskKind(alert.kind)
    for row_id in new:
        mark_ticket(env, row_id, kind, alert, actor_id)


def mark_ticket(
    env: Environment, ticket_id: int, kind: RiskKind, alert: Alert, actor_id: int
) -> None:
    """Add the warning item to the ticket's marks, with an event in its history. The
    version stays: a mark is no edit of the ticket that anybody's open form could lose."""
    row = Ticket.select(Ticket.risk_marks, Ticket.status).where(Ticket.id == ticket_id).get()
    marks = kinds_of(row.risk_marks)
    if kind in marks:
        return
    after = [k for k in RiskKind if k in marks or k == kind]
    Ticket.update(risk_marks=",".join(k.value for k in after)).where(
        Ticket.id == ticket_id
    ).execute()
    env.sql.insert(
        TicketEvent,
        ticket=ticket_id,
        at=env.now(),
        actor=actor_id,
        step=Step.RISK_ALERT.value,
        from_status=row.status,
        to_status=row.status,
        unit=None,
        note="",
        # In the shape of the steps' changes, (old, new), so the timeline reads it alike.
        details=json.dumps(
            {
                "risk_marks": [",".join(k.value for k in marks), ",".join(k.value for k in after)],
                "rule": [None, alert.rule],
                "rule_version": [None, alert.rule_version],
            }
        ),
    )


def kinds_of(stored: str | None) -> list[RiskKind]:
    return [RiskKind(value) for value in (stored or "").split(",") if value]


def phrase_json(phrase: Phrase) -> str:
    return json.dumps({"template": phrase.template, "values": phrase.values}, ensure_ascii=False)


def phrase_from_json(stored: str | None) -> Phrase:
    data = json.loads(stored) if stored else {"template": "", "values": {}}
    return said(data["template"], **data["values"])
