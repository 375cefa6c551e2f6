"""The 1155 risk rules in force, and the admin's edits of them, each a new version."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from ..config.resources import REFERENCE_DIR
from ..domain import validation
from ..domain.errors import PermissionDenied, StepNotAllowed
from ..domain.phrases import QT_TRANSLATE_NOOP, said
from ..domain.risk_rules import RiskRules
from ..domain.vocabulary import Role
from ..domain.workflow import Actor
from ..store.models import RiskRuleSet, User
from .accounts import display_names
from .environment import Environment

RULES_CHECK_SECONDS = 5.0


@dataclass(frozen=True)
class RuleVersion:
    version: int
    saved_at: datetime
    saved_by: str  # '' for the shipped defaults
    note: str


def default_rules_data() -> dict[str, Any]:
    return json.loads((REFERENCE_DIR / "risk_rules.json").read_text(encoding="utf-8"))


def current_rules(env: Environment) -> RiskRules:
    """The newest version. Every call and every step asks, so the version is looked up
    at most every few seconds: another admin's edit reaches this workstation within
    them, and the rules themselves are read again only when the version moved."""
    cached = env.risk_rules
    now = time.monotonic()
    if cached is not None and now - env.risk_rules_checked < RULES_CHECK_SECONDS:
        return cached
    newest = env.db.execute_sql("SELECT max(version) FROM risk_rule_set").fetchone()[0]
    if newest is None:
        _store_defaults(env)
        newest = 1
    if cached is None or cached.version != newest:
        row = RiskRuleSet.get_by_id(newest)
        cached = env.risk_rules = RiskRules.from_dict(json.loads(row.body), version=newest)
    env.risk_rules_checked = now
    return cached


def _store_defaults(env: Environment) -> None:
    """A database starts with the shipped rules as version 1; two workstations doing
    so at once leave one row."""
    rules = RiskRules.from_dict(default_rules_data())
    with env.write():
        RiskRuleSet.insert(
            version=1, body=json.dumps(rules.to_dict(), ensure_ascii=False), saved_at=env.now()
        ).on_conflict_ignore().execute()


def save_rules(
    env: Environment,
    actor: Actor,
    data: Mapping[str, Any],
    note: str = "",
    *,
    base_version: int | None = None,
) -> RiskRules:
    """Check the edited rules whole and store them as the next version. A rule that
    cannot work raises InvalidInput naming its field, and the version in force stays.
    ``base_version`` is the version the edit started from: when another admin saved a
    newer one meanwhile, the edit is refused rather than silently undoing theirs."""
    if actor.role != Role.ADMIN:
        raise PermissionDenied(
            None,
            None,
            "edit the risk rules",
            said(QT_TRANSLATE_NOOP("Messages", "only administrators edit the risk rules")),
        )
    rules = RiskRules.from_dict(data)
    note = validation.text(note, "note", limit=500)
    current_rules(env)  # the defaults are version 1 even when the first edit comes first
    body = json.dumps(rules.to_dict(), ensure_ascii=False)
    for _attempt in range(3):
        try:
            with env.write():
                newest = env.db.execute_sql("SELECT max(version) FROM risk_rule_set").fetchone()[0]
                if base_version is not None and newest != base_version:
                    raise _saved_meanwhile(newest)
                RiskRuleSet.create(
                    version=newest + 1,
                    body=body,
                    saved_at=env.now(),
                    saved_by=actor.user_id,
                    note=note,
                )
            env.risk_rules = rules.with_version(newest + 1)
            env.risk_rules_checked = time.monotonic()
            return env.risk_rules
        except peewee.IntegrityError:
            continue  # another admin saved the same version number a moment ago
    raise RuntimeError("could not save the risk rules: other admins keep saving")


def _saved_meanwhile(version: int) -> StepNotAllowed:
    row = RiskRuleSet.get_by_id(version)
    user = User.get_or_none(User.id == row.saved_by_id)
    return StepNotAllowed(
        None,
        None,
        "edit the risk rules",
        said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{who} saved version {version} at {at} meanwhile; reopen the rules to start "
                "from it",
            ),
            who=user.display_name if user else "",
            version=version,
            at=f"{row.saved_at:%Y-%m-%d %H:%M}",
        ),
    )


def rule_versions(env: Environment) -> list[RuleVersion]:
    """Every saved version, newest first."""
    current_rules(env)
    names = display_names()
    rows = RiskRuleSet.select(
        RiskRuleSet.version, RiskRuleSet.saved_at, RiskRuleSet.saved_by, RiskRuleSet.note
    ).order_by(RiskRuleSet.version.desc())
    return [
        RuleVersion(row.version, row.saved_at, names.get(row.saved_by_id, ""), row.note)
        for row in rows
    ]
