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

    def _look_up(self, table: str, key):
        """A lookup that reads the database again once when the key is unknown: another
        workstation or an admin may have added it since this one last read."""
        found = getattr(self._ready(), table).get(key)
        if found is None:
            self.reload()
            found = getattr(self, table).get(key)
        return found

    def unit(self, key: int | str) -> UnitInfo | None:
        return self._look_up("unit_by_code" if isinstance(key, str) else "unit_by_id", key)

    def units_of_kind(self, kind: str) -> list[UnitInfo]:
        return [u for u in self._ready().unit_by_id.values() if u.kind == kind and u.active]

    def category_id(self, code: str) -> int | None:
        return self._look_up("category_by_code", code)

    def category_code_of(self, category_id: int) -> str:
        return self._look_up("category_code", category_id)

    def form_id(self, code: str) -> int | None:
        return self._look_up("form_by_code", code)

    def industry_id(self, code: str) -> int | None:
        return self._look_up("industry_by_code", code)
