"""The 1155 rules at work: evaluated while the agent types, when a ticket is created and
at each change of it; what they find becomes alerts and marks on the tickets.

An alert is raised once for what it is about. Each open alert holds a key ("danger:t42",
"repeated:e7") under a unique index, so that a second evaluation, on this workstation or
another, finds the open alert and links its ticket instead of raising a twin: the third
report about one employer raises one alert that covers all three tickets. A ticket that
an alert of a rule already covers, open or resolved, is not raised for by that rule again.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import peewee

from ..domain import validation
from ..domain.alerts import AlertAction, AlertState
from ..domain.employers import employer_key
from ..domain.errors import InvalidInput
from ..domain.intake_assistant import CategoryHints, Suggestions, risk_facts, suggest
from ..domain.phrases import QT_TRANSLATE_NOOP, Phrase, said
from ..domain.risk_rules import (
    RiskFinding,
    RiskKind,
    RiskRule,
    RiskRules,
    stored_kinds,
    to_stored,
)
from ..domain.workflow import Step
from ..store.models import Alert, AlertEvent, AlertTicket, Caller, Employer, Ticket, TicketEvent
from .environment import Environment
from .rule_versions import current_rules

log = logging.getLogger(__name__)

# A repeat alert links the tickets of its window; past this many, the newest.
MAX_LINKED = 100
_SKIPPED_STATUSES = ("merged", "archived")


@functools.cache
def category_hints() -> CategoryHints:
    """The shipped category keywords, read once: they change with the package."""
    return CategoryHints.load()


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
    now = env.now()
    key = employer_key(employer_name)
    employer_id = env.sql.first_id(Employer, "key", key) if key else None
    earlier = _report_counts(
        env,
        _caller_id(env, phone),
        employer_id,
        now - timedelta(days=rules.repeat_window_days),
        now,
    )
    # This call is a report too: the third call counts three.
    caller_reports = 1 + earlier[0] if phone else 0
    employer_reports = 1 + earlier[1] if key else 0
    return suggest(
        description,
        rules,
        category_hints(),
        headcount=forgiving(validation.headcount, headcount),
        amount=forgiving(validation.amount, amount),
        caller_reports=caller_reports,
        employer_reports=employer_reports,
        employer_name=employer_name.strip(),
    )


def forgiving(check, value):
    """A half-typed field counts as not given: the value checked, or None."""
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


# ---- when a ticket is created or changed ----


def raise_alerts(
    env: Environment,
    ticket: Ticket,
    actor_id: int,
    *,
    added: Iterable[RiskKind] = (),
    dismissed: Iterable[RiskKind] = (),
    new: bool = False,
) -> list[int]:
    """Inside the caller's write transaction: evaluate the rules on ``ticket`` and raise
    or extend the alerts they call for. ``added`` are warning items the agent judged
    present; ``dismissed`` those the agent overrode; ``new``: the ticket was created in
    this transaction, so no alert covers it yet. Returns the ids of alerts raised.

    The call or the step is what the user asked for: an alert that cannot be raised (a
    deadlock with another workstation marking the same tickets, say) is logged and its
    savepoint rolled back, and the call is saved all the same."""
    if ticket.status in _SKIPPED_STATUSES:
        return []
    try:
        with env.db.atomic():
            return _raise_alerts(env, ticket, actor_id, added, dismissed, new)
    except peewee.DatabaseError:
        log.exception("the risk rules could not raise alerts for ticket %s", ticket.number)
        return []


def _raise_alerts(
    env: Environment,
    ticket: Ticket,
    actor_id: int,
    added: Iterable[RiskKind],
    dismissed: Iterable[RiskKind],
    new: bool,
) -> list[int]:
    rules = current_rules(env)
    since = ticket.created_at - timedelta(days=rules.repeat_window_days)
    # A changed ticket is judged by the reports around its own call, not by today's.
    caller_reports, employer_reports = _report_counts(
        env, ticket.caller_id, ticket.employer_id, since, ticket.created_at
    )
    facts = risk_facts(
        ticket.description or "",
        headcount=ticket.headcount,
        amount=ticket.amount_involved,
        caller_reports=caller_reports,
        employer_reports=employer_reports,
        employer_name=ticket.employer_name,
    )
    dismissed = set(dismissed) | set(stored_kinds(ticket.risk_dismissed))
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
    raised = []
    covered, open_keys = _covering(env, ticket.id) if findings and not new else (set(), set())
    # The judged ticket's marks as its row has them: kept here, written once at the end.
    marks = {ticket.id: (ticket.risk_marks, ticket.risk_dismissed, ticket.status)}
    for finding in findings:
        if finding.rule.value in covered:
            continue
        alert_id = _raise_or_link(env, rules, finding, ticket, actor_id, since, marks, open_keys)
        if alert_id is not None:
            raised.append(alert_id)
    env.sql.run(
        "judged",
        lambda m, _locks: (
            f"UPDATE ticket SET risk_marks = {m}, risk_rules_version = {m} WHERE id = {m}"
        ),
        (marks[ticket.id][0], rules.version, ticket.id),
    )
    return raised


def judged_by_older_rules(env: Environment, ticket: Ticket) -> bool:
    """Whether the rules in force are newer than those the ticket was last judged by."""
    return ticket.risk_rules_version != current_rules(env).version


def _report_counts(
    env: Environment,
    caller_id: int | None,
    employer_id: int | None,
    since: datetime,
    until: datetime,
) -> tuple[int, int]:
    """The caller's and the employer's reports created within [since, until], in one
    statement. An unknown caller or employer (None) matches no row: its count is 0."""
    count = (
        "(SELECT count(*) FROM ticket WHERE {column} = {m} AND created_at >= {m} "
        "AND created_at <= {m} AND status <> 'merged')"
    )

    def build(m: str, _locks: bool) -> str:
        by_caller = count.format(column="caller_id", m=m)
        return f"SELECT {by_caller}, {count.format(column='employer_id', m=m)}"

    params = (caller_id, since, until, employer_id, since, until)
    return tuple(env.sql.run("report counts", build, params).fetchone())


def _covering(env: Environment, ticket_id: int) -> tuple[set[str], set[str]]:
    """The rules of the alerts that cover the ticket, and the keys of those still open."""
    rows = env.sql.run(
        "alerts covering",
        lambda m, _locks: (
            "SELECT a.rule, a.open_key FROM alert a JOIN alert_ticket l ON l.alert_id = a.id "
            f"WHERE l.ticket_id = {m}"
        ),
        (ticket_id,),
    ).fetchall()
    return {rule for rule, _key in rows}, {key for _rule, key in rows if key}


def _open_key(finding: RiskFinding, ticket: Ticket) -> str:
    if finding.rule == RiskRule.REPEAT_EMPLOYER:
        return f"repeated:e{ticket.employer_id}"
    if finding.rule == RiskRule.REPEAT_CALLER:
        return f"repeated:c{ticket.caller_id}"
    return f"{finding.kind.value}:t{ticket.id}"


def _linked_tickets(
    env: Environment, finding: RiskFinding, ticket: Ticket, since: datetime
) -> list[int]:
    """The tickets an alert is about: the reports of the window for a repeat, else one."""
    if finding.rule == RiskRule.REPEAT_EMPLOYER:
        column, value = "employer_id", ticket.employer_id
    elif finding.rule == RiskRule.REPEAT_CALLER:
        column, value = "caller_id", ticket.caller_id
    else:
        return [ticket.id]
    sql = (
        f"SELECT id FROM ticket WHERE {column} = {{m}} AND created_at >= {{m}} "
        "AND created_at <= {m} AND status <> 'merged' ORDER BY created_at DESC LIMIT "
        f"{MAX_LINKED}"
    )
    rows = env.sql.run(
        f"linked by {column}", lambda m, _locks: sql.format(m=m), (value, since, ticket.created_at)
    )
    return sorted({ticket.id, *(row_id for (row_id,) in rows)})


@dataclass(frozen=True, slots=True)
class _OpenAlert:
    id: int
    kind: str
    state: str
    rule: str
    rule_version: int | None


def _find_open(env: Environment, key: str) -> _OpenAlert | None:
    # Locked: an alert being resolved at this moment is not joined after its end.
    row = env.sql.run(
        "open alert",
        lambda m, locks: (
            f"SELECT id, kind, state, rule, rule_version FROM alert WHERE open_key = {m}"
            + (" FOR UPDATE" if locks else "")
        ),
        (key,),
    ).fetchone()
    return _OpenAlert(*row) if row else None


def _raise_or_link(
    env: Environment,
    rules: RiskRules,
    finding: RiskFinding,
    ticket: Ticket,
    actor_id: int,
    since: datetime,
    marks: dict[int, tuple[str, str, str]],
    open_keys: set[str],
) -> int | None:
    key = _open_key(finding, ticket)
    by_agent = finding.rule == RiskRule.AGENT_JUDGEMENT
    tickets = _linked_tickets(env, finding, ticket, since)
    # An open alert about this ticket alone covers it, so the ticket's own alerts say
    # whether there is one; an alert about its caller or employer is looked up.
    about_others = finding.rule in (RiskRule.REPEAT_CALLER, RiskRule.REPEAT_EMPLOYER)
    existing = _find_open(env, key) if about_others or key in open_keys else None
    raised = None
    if existing is None:
        now = env.now()
        try:
            # A savepoint on a server: there a failed insert would spoil the transaction.
            # SQLite's write lock lets no other workstation in between.
            with nullcontext() if isinstance(env.db, peewee.SqliteDatabase) else env.db.atomic():
                created = env.sql.insert(
                    Alert,
                    kind=finding.kind.value,
                    level=rules.level(finding.kind).value,
                    rule=finding.rule.value,
                    rule_version=None if by_agent else rules.version,
                    reason=phrase_json(finding.reason),
                    playbook=json.dumps(rules.playbooks[finding.kind], ensure_ascii=False),
                    ticket=ticket.id,
                    raised_at=now,
                    state=AlertState.NEW.value,
                    open_key=key,
                    cause=key,
                )
        except peewee.IntegrityError:
            existing = _find_open(env, key)  # another workstation was first
            if existing is None:
                return None
        else:
            # Its history starts with its own raised_at (``alert_list``): no event needed.
            existing = raised = _OpenAlert(
                created.id, created.kind, created.state, created.rule, created.rule_version
            )
    link_tickets(env, existing, tickets, actor_id, joined=raised is None, marks=marks)
    return raised.id if raised else None


def link_tickets(
    env: Environment,
    alert: _OpenAlert,
    ticket_ids: Sequence[int],
    actor_id: int,
    *,
    joined: bool,
    marks: dict[int, tuple[str, str, str]],
) -> None:
    """Link the tickets the alert does not cover yet, and mark them with its warning item.
    ``joined``: the alert was open before, not raised now. ``marks`` holds the marks,
    the dismissed items and the status of tickets read already, and gets them updated."""
    known = (
        {
            row_id
            for (row_id,) in env.sql.run(
                "alert links",
                lambda m, _locks: f"SELECT ticket_id FROM alert_ticket WHERE alert_id = {m}",
                (alert.id,),
            )
        }
        if joined
        else set()
    )
    new = [row_id for row_id in ticket_ids if row_id not in known]
    if not new:
        return
    for row_id in new:
        env.sql.insert(AlertTicket, alert=alert.id, ticket=row_id)
    if joined:
        if alert.state == AlertState.ACKNOWLEDGED.value:
            # Another report: somebody must look again.
            env.sql.run(
                "alert back to new",
                lambda m, _locks: f"UPDATE alert SET state = 'new' WHERE id = {m}",
                (alert.id,),
            )
        numbers = [
            env.sql.run(
                "ticket number",
                lambda m, _locks: f"SELECT number FROM ticket WHERE id = {m}",
                (row_id,),
            ).fetchone()
            for row_id in new
        ]
        env.sql.insert(
            AlertEvent,
            alert=alert.id,
            at=env.now(),
            actor=None,
            action=AlertAction.LINKED.value,
            note=", ".join(number for (number,) in numbers),
        )
    judged = next(iter(marks))  # the first entry is the ticket being judged
    for row_id in new:
        mark_ticket(env, row_id, alert, actor_id, marks, judged)


def mark_ticket(
    env: Environment,
    ticket_id: int,
    alert: _OpenAlert,
    actor_id: int,
    known: dict[int, tuple[str, str, str]],
    judged: int,
) -> None:
    """Add the warning item to the ticket's marks, with an event in its history. The
    version stays: a mark is no edit of the ticket that anybody's open form could lose."""
    if ticket_id not in known:
        known[ticket_id] = env.sql.run(
            "ticket marks",
            lambda m, _locks: (
                f"SELECT risk_marks, risk_dismissed, status FROM ticket WHERE id = {m}"
            ),
            (ticket_id,),
        ).fetchone()
    marks_text, dismissed, status = known[ticket_id]
    marks, kind = stored_kinds(marks_text), RiskKind(alert.kind)
    if kind in marks or kind in stored_kinds(dismissed):
        return  # marked already, or the agent who took this call said it is not so
    after = to_stored((*marks, kind))
    known[ticket_id] = (after, dismissed, status)
    if ticket_id != judged:  # the judged ticket's marks are written with its judgement
        env.sql.run(
            "set ticket marks",
            lambda m, _locks: f"UPDATE ticket SET risk_marks = {m} WHERE id = {m}",
            (after, ticket_id),
        )
    env.sql.insert(
        TicketEvent,
        ticket=ticket_id,
        at=env.now(),
        actor=actor_id,
        step=Step.RISK_ALERT.value,
        from_status=status,
        to_status=status,
        unit=None,
        note="",
        # In the shape of the steps' changes, (old, new), so the timeline reads it alike.
        details=json.dumps(
            {
                "risk_marks": [to_stored(marks), after],
                "rule": [None, alert.rule],
                "rule_version": [None, alert.rule_version],
            }
        ),
    )


def phrase_json(phrase: Phrase) -> str:
    return json.dumps({"template": phrase.template, "values": phrase.values}, ensure_ascii=False)


def phrase_from_json(stored: str | None) -> Phrase:
    data = json.loads(stored) if stored else {"template": "", "values": {}}
    return said(data["template"], **data["values"])
