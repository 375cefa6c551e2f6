"""Default reference data shipped with the application: org tree, categories, forms, industries.

The JSON files under ``resources/reference`` are what a fresh database is seeded with; an
administrator edits the live copies afterwards. Every entry carries a Chinese and an English
name so that both interface languages are complete from the first start.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..domain.language import Named
from ..domain.vocabulary import UnitKind
from .resources import REFERENCE_DIR

_Spec = TypeVar("_Spec", "CategorySpec", "IndustrySpec")


@dataclass(frozen=True, slots=True)
class OrgUnitSpec(Named):
    code: str
    name_zh: str
    name_en: str
    kind: UnitKind
    parent: str | None


@dataclass(frozen=True, slots=True)
class CategorySpec(Named):
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class EmploymentFormSpec(Named):
    code: str
    name_zh: str
    name_en: str
    new_form: bool


@dataclass(frozen=True, slots=True)
class IndustrySpec(Named):
    code: str
    name_zh: str
    name_en: str


def load_org_units(directory: Path = REFERENCE_DIR) -> tuple[OrgUnitSpec, ...]:
    """The org tree in depth-first order, so that every parent comes before its children."""
    file_name = "org_units.json"
    units: list[OrgUnitSpec] = []
    for where, entry in _entries(directory, file_name):
        kind_value = _text(entry, "kind", where)
        try:
            kind = UnitKind(kind_value)
        except ValueError:
            raise ValueError(f"{where}: unknown unit kind {kind_value!r}") from None
        parent = entry.get("parent")
        if parent is not None and (not isinstance(parent, str) or not parent):
            raise ValueError(f"{where}: 'parent' must be a unit code or null")
        units.append(
            OrgUnitSpec(
                code=_text(entry, "code", where),
                name_zh=_text(entry, "name_zh", where),
                name_en=_text(entry, "name_en", where),
                kind=kind,
                parent=parent,
            )
        )
    _check_unique((unit.code for unit in units), file_name)

    codes = {unit.code for unit in units}
    children: dict[str | None, list[OrgUnitSpec]] = {}
    for unit in units:
        if unit.parent is not None and unit.parent not in codes:
            raise ValueError(f"{file_name}: unit {unit.code!r} has unknown parent {unit.parent!r}")
        children.setdefault(unit.parent, []).append(unit)

    ordered: list[OrgUnitSpec] = []
    # Iterative, so that a deep tree typed in by an administrator cannot hit the recursion limit.
    stack = list(reversed(children.get(None, [])))
    while stack:
        unit = stack.pop()
        ordered.append(unit)
        stack.extend(reversed(children.get(unit.code, [])))
    if len(ordered) != len(units):
        # Only a cycle keeps units out of reach of every root.
        reached = {unit.code for unit in ordered}
        stuck = sorted(unit.code for unit in units if unit.code not in reached)
        raise ValueError(f"{file_name}: parent cycle among units {', '.join(stuck)}")
    return tuple(ordered)


def load_categories(directory: Path = REFERENCE_DIR) -> tuple[CategorySpec, ...]:
    return _load_named(directory, "categories.json", CategorySpec)


def load_employment_forms(directory: Path = REFERENCE_DIR) -> tuple[EmploymentFormSpec, ...]:
    file_name = "employment_forms.json"
    forms = []
    for where, entry in _entries(directory, file_name):
        new_form = entry.get("new_form")
        if not isinstance(new_form, bool):
            raise ValueError(f"{where}: 'new_form' must be true or false")
        forms.append(EmploymentFormSpec(*_names(entry, where), new_form=new_form))
    _check_unique((form.code for form in forms), file_name)
    return tuple(forms)


def load_industries(directory: Path = REFERENCE_DIR) -> tuple[IndustrySpec, ...]:
    return _load_named(directory, "industries.json", IndustrySpec)


def _load_named(directory: Path, file_name: str, spec: type[_Spec]) -> tuple[_Spec, ...]:
    specs = [spec(*_names(entry, where)) for where, entry in _entries(directory, file_name)]
    _check_unique((item.code for item in specs), file_name)
    return tuple(specs)


def _entries(directory: Path, file_name: str) -> list[tuple[str, dict[str, Any]]]:
    path = directory / file_name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of entries")
    entries = []
    for index, entry in enumerate(data):
        where = f"{file_name} entry {index + 1}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected an object")
        entries.append((where, entry))
    return entries


def _names(entry: dict[str, Any], where: str) -> tuple[str, str, str]:
    return (
        _text(entry, "code", where),
        _text(entry, "name_zh", where),
        _text(entry, "name_en", where),
    )


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key!r} must be a non-empty string")
    return value


def _check_unique(codes: Iterable[str], file_name: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValueError(f"{file_name}: duplicate code {code!r}")
        seen.add(code)


@dataclass(frozen=True, slots=True)
class CalendarOverrideSpec:
    day: date
    workday: bool


def load_calendar_overrides(directory: Path = REFERENCE_DIR) -> tuple[CalendarOverrideSpec, ...]:
    """Days that override the calendar libraries: announced holidays and make-up working days."""
    path = directory / "calendar.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        holidays = [date.fromisoformat(text) for text in data["extra_holidays"]]
        workdays = [date.fromisoformat(text) for text in data["extra_workdays"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path.name}: {error}") from None
    if clash := set(holidays) & set(workdays):
        raise ValueError(f"{path.name}: {sorted(clash)[0]} is both a holiday and a working day")
    return tuple(
        [CalendarOverrideSpec(day, False) for day in holidays]
        + [CalendarOverrideSpec(day, True) for day in workdays]
    )
