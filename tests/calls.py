"""Calls the tests take: a realistic one, changed where a test needs something else."""

from __future__ import annotations

from hotline_desktop.services.intake import CallInput


def wage_call(**overrides) -> CallInput:
    fields = dict(
        phone="138 1234 5678",
        caller_name="张师傅",
        employer_name="陕西某建工集团有限公司",
        region_code="xa",
        industry_code="construction",
        employment_form_code="migrant",
        kind="request",
        category_code="wages",
        headcount=13,
        amount="600000",
        description="我和工友共13人在西安市某工地从事木工工作，被拖欠工资60余万元，多次索要未果。",
    )
    fields.update(overrides)
    return CallInput(**fields)
