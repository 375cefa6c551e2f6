"""The choices the intake form offers: regions, categories, industries, employment forms."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.language import Named
from ..domain.vocabulary import UnitKind
from ..store.reference_cache import ReferenceCache, UnitInfo, tree_order
from .environment import Environment


@dataclass(frozen=True, slots=True)
class Choice(Named):
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class IntakeChoices:
    regions: tuple[Choice, ...]  # city federations, each followed by its districts
    categories: tuple[Choice, ...]
    industries: tuple[Choice, ...]
    employment_forms: tuple[Choice, ...]


def intake_choices(env: Environment) -> IntakeChoices:
    """The entries the intake form offers, in the reference data's order, from the
    reference cache every service already reads."""
    reference = env.reference
    return IntakeChoices(
        regions=_regions(reference),
        categories=_choices(c for c in reference.categories() if c.active),
        industries=_choices(reference.industries()),
        employment_forms=_choices(reference.employment_forms()),
    )


def _choices(entries) -> tuple[Choice, ...]:
    return tuple(Choice(entry.code, entry.name_zh, entry.name_en) for entry in entries)


def _regions(reference: ReferenceCache) -> tuple[Choice, ...]:
    """A ticket's region is the city federation or the district union where the work is:
    each city followed by its districts, as the org tree reads."""
    cities = {unit.id for unit in reference.units_of_kind(UnitKind.CITY.value)}

    def is_region(unit: UnitInfo) -> bool:
        if unit.id in cities:
            return True
        above = tree_order(unit.path)[-2:-1]  # the parent's id, from the unit's path
        return unit.kind == UnitKind.DISTRICT.value and bool(above) and above[0] in cities

    return _choices(unit for unit in reference.units_in_tree_order() if is_region(unit))
