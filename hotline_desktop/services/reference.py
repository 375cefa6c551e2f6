"""Loading the shipped reference data (org tree, categories, forms, industries) into a database."""

from __future__ import annotations

from ..config.reference_data import (
    load_calendar_overrides,
    load_categories,
    load_employment_forms,
    load_industries,
    load_org_units,
)
from ..store.models import CalendarOverride, Category, EmploymentForm, Industry, OrgUnit
from .environment import Environment


def install_reference_data(env: Environment) -> int:
    """Add whatever shipped entries the database lacks; returns how many were added.

    Entries already there are left alone: an admin may have renamed or retired them.
    """
    added = 0
    with env.write():
        known = {unit.code: unit for unit in OrgUnit.select()}
        for order, spec in enumerate(load_org_units()):
            if spec.code in known:
                continue
            parent = known[spec.parent] if spec.parent else None
            unit = OrgUnit.create(
                code=spec.code,
                name_zh=spec.name_zh,
                name_en=spec.name_en,
                kind=spec.kind.value,
                parent=parent,
                sort_order=order,
            )
            unit.path = f"{parent.path if parent else '/'}{unit.id}/"
            unit.save(only=[OrgUnit.path])
            known[spec.code] = unit
            added += 1
        for model, specs in (
            (Category, load_categories()),
            (EmploymentForm, load_employment_forms()),
            (Industry, load_industries()),
        ):
            present = {code for (code,) in model.select(model.code).tuples()}
            for order, spec in enumerate(specs):
                if spec.code in present:
                    continue
                fields = {"code": spec.code, "name_zh": spec.name_zh, "name_en": spec.name_en}
                if model is EmploymentForm:
                    fields["new_form"] = spec.new_form
                model.create(sort_order=order, **fields)
                added += 1
        known_days = {day for (day,) in CalendarOverride.select(CalendarOverride.day).tuples()}
        for override in load_calendar_overrides():
            if override.day not in known_days:
                CalendarOverride.create(
                    day=override.day, workday=override.workday, note="shipped with the app"
                )
                added += 1
    env.reference.reload()
    env.reload_calendar()
    return added
