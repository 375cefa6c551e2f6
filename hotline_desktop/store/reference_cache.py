"""Reference data held in memory: units, categories, forms and industries change seldom,
and every call and every step looks them up."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Category, EmploymentForm, Industry, OrgUnit


@dataclass(frozen=True, slots=True)
class UnitInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    kind: str
    path: str
    active: bool


class ReferenceCache:
    def __init__(self):
        self._loaded = False

    def reload(self) -> None:
        """Read everything again: after an admin's edit, or another workstation's."""
        units = [
            UnitInfo(u.id, u.code, u.name_zh, u.name_en, u.kind, u.path, u.active)
            for u in OrgUnit.select()
        ]
        self.unit_by_code = {u.code: u for u in units}
        self.unit_by_id = {u.id: u for u in units}
        self.category_by_code = dict(Category.select(Category.code, Category.id).tuples())
        self.category_code = {v: k for k, v in self.category_by_code.items()}
        self.form_by_code = dict(
            EmploymentForm.select(EmploymentForm.code, EmploymentForm.id).tuples()
        )
        self.industry_by_code = dict(Industry.select(Industry.code, Industry.id).tuples())
        self._loaded = True

    def _ready(self) -> ReferenceCache:
        if not self._loaded:
            self.reload()
        return self

    def unit(self, key: int | str) -> UnitInfo | None:
        cache = self._ready()
        return cache.unit_by_code.get(key) if isinstance(key, str) else cache.unit_by_id.get(key)

    def units_of_kind(self, kind: str) -> list[UnitInfo]:
        return [u for u in self._ready().unit_by_id.values() if u.kind == kind and u.active]

    def category_id(self, code: str) -> int | None:
        return self._ready().category_by_code.get(code)

    def category_code_of(self, category_id: int) -> str:
        return self._ready().category_code[category_id]

    def form_id(self, code: str) -> int | None:
        return self._ready().form_by_code.get(code)

    def industry_id(self, code: str) -> int | None:
        return self._ready().industry_by_code.get(code)
