"""`hotline-desktop benchmark-alerts`: the risk rules at intake, on a full database.

For each database URL given (load one first with ``hotline-desktop demo --tickets
1000000``): the assistant's evaluation as the agent types, with the repeat look-ups
(the caller's and the employer's reports within the window), for calls whose phones
and employers are drawn from the database, the busiest employers among them, and
descriptions that meet every kind of rule. Against it, in the same run, the floor:
the same two counts as bare SQL. Percentiles over all look-ups; the machine is shared
and noisy, so the ratio to the floor says more than the milliseconds.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from peewee import fn

from ..services.alert_raising import check_intake
from ..services.environment import open_environment
from ..services.rule_versions import current_rules
from ..store.models import Employer, Ticket
from .timing import Timings, ratio, timed, times

TARGET_P95_MS = 10.0
DESCRIPTIONS = (
    "我和工友共十三名在西安市某工地从事木工工作，被拖欠工资六十余万元，多次索要未果。",
    "外卖骑手反映平台无故扣除配送费，站点很多人都这样，已经在抖音发了视频。",
    "工人说今天再拿不到钱就从塔吊上跳下来，现在人在工地。",
    "公司拖欠我两个月工资共八千元，老板一直推脱。",
    "二十多名货车司机的运费被拖欠，准备明天集体去公司门口讨要。",
    "在厂里受伤后公司不给认定工伤，也不交社保，想咨询怎么办。",
)


def run_alert_benchmark(urls: list[str], runs: int, seed: int = 7) -> int:
    print(
        f"Rule evaluation at intake with repeat look-ups, {runs} calls per database; "
        f"target p95 ≤ {TARGET_P95_MS:.0f} ms"
    )
    failed = False
    for url in urls:
        env, _done = open_environment(url, Path.cwd() / "backups", create=False)
        try:
            failed |= not _measure(env, runs, random.Random(seed))
        finally:
            env.close()
    return 1 if failed else 0


def _measure(env, runs: int, chance: random.Random) -> bool:
    calls = _sample_calls(env, runs, chance)
    window = timedelta(days=current_rules(env).repeat_window_days)
    check_intake(env, description=DESCRIPTIONS[0])  # the rules read and compiled once
    evaluated, bare = [], []
    for phone, employer_id, employer_name, description in calls:
        evaluated.append(
            timed(
                check_intake,
                env,
                description=description,
                headcount="1",
                amount="",
                phone=phone,
                employer_name=employer_name,
            )
        )
        bare.append(timed(_bare_counts, env, phone, employer_id, env.now() - window))
    return _report(env.info.description, Timings(evaluated), Timings(bare))


def _sample_calls(env, runs: int, chance: random.Random) -> list[tuple]:
    """Phones and employers of real tickets, a third of them the busiest employers."""
    newest = Ticket.select(Ticket.id).order_by(Ticket.id.desc()).limit(1).scalar() or 0
    busiest = list(
        Ticket.select(Ticket.employer, Employer.name)
        .join(Employer, on=(Ticket.employer == Employer.id))
        .where(Ticket.id > newest - 20_000)
        .group_by(Ticket.employer, Employer.name)
        .order_by(fn.COUNT(Ticket.id).desc())
        .limit(20)
        .tuples()
    )
    calls = []
    for index in range(runs):
        row = (
            Ticket.select(Ticket.phone, Ticket.employer, Ticket.employer_name)
            .where(Ticket.id >= chance.randint(1, max(newest, 1)))
            .order_by(Ticket.id)
            .limit(1)
            .tuples()
            .first()
        )
        phone, employer_id, employer_name = row or ("13800000000", None, "")
        if busiest and index % 3 == 0:
            employer_id, employer_name = chance.choice(busiest)
        calls.append((phone, employer_id, employer_name, DESCRIPTIONS[index % len(DESCRIPTIONS)]))
    return calls


def _bare_counts(env, phone: str, employer_id: int | None, since) -> None:
    mark = env.db.param
    caller = env.db.execute_sql(f"SELECT id FROM caller WHERE phone = {mark}", (phone,)).fetchone()
    for column, value in (
        ("caller_id", caller[0] if caller else None),
        ("employer_id", employer_id),
    ):
        if value is not None:
            env.db.execute_sql(
                f"SELECT count(*) FROM ticket WHERE {column} = {mark} AND created_at >= {mark}",
                (value, since),
            ).fetchone()


def _report(where: str, evaluated: Timings, bare: Timings) -> bool:
    met = evaluated.p95 * 1000 <= TARGET_P95_MS
    print(
        f"{where}: evaluation p50 {evaluated.p50 * 1000:.2f} ms, p95 {evaluated.p95 * 1000:.2f} ms "
        f"({'met' if met else 'MISSED'}); bare look-ups p50 {bare.p50 * 1000:.2f} ms, "
        f"p95 {bare.p95 * 1000:.2f} ms; median ratio {times(ratio(evaluated.p50, bare.p50), '.1f')}"
    )
    return met
