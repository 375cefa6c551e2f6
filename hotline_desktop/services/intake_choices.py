"""The choices the intake form offers: regions, categories, industries, employment forms."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from ..domain.vocabulary import UnitKind
from ..store.models import Category, EmploymentForm, Industry, OrgUnit
from ..store.reference_cache import tree_order
from .environment import Environment


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    name_zh: str
    name_en: str

    def name(self, chinese: bool) -> str:
        return self.name_zh if chinese else self.name_en


@dataclass(frozen=True)
class IntakeChoices:
    regions: tuple[Choice, ...]  # city federations, each followed by its districts
    categories: tuple[Choice, ...]
    industries: tuple[Choice, ...]
    employment_forms: tuple[Choice, ...]


def intake_choices(env: Environment) -> IntakeChoices:
    """The entries the intake form offers, in the order the reference data gives them."""
    return IntakeChoices(
        regions=_regions(),
        categories=_choices(Category, Category.active),
        industries=_choices(Industry),
        employment_forms=_choices(EmploymentForm),
    )


def _choices(model, *where) -> tuple[Choice, ...]:
    query = model.select(model.code, model.name_zh, model.name_en).order_by(
        model.sort_order, model.id
    )
    if where:
        query = query.where(*where)
    return tuple(Choice(*row) for row in query.tuples())


def _regions() -> tuple[Choice, ...]:
    """A ticket's region is the city federation or the district union where the work is."""
    parent = OrgUnit.alias()
    rows = (
        OrgUnit.select(OrgUnit.code, OrgUnit.name_zh, OrgUnit.name_en, OrgUnit.path)
        .join(parent, JOIN.LEFT_OUTER, on=OrgUnit.parent == parent.id)
        .where(
            OrgUnit.active
            & (
                (OrgUnit.kind == UnitKind.CITY.value)
                | ((OrgUnit.kind == UnitKind.DISTRICT.value) & (parent.kind == UnitKind.CITY.value))
            )
        )
        .tuples()
    )
    by_path = {path: Choice(code, zh, en) for code, zh, en, path in rows}
    # Path order puts each city's districts right under it, whatever order they were added in.
    return tuple(by_path[path] for path in sorted(by_path, key=tree_order))
