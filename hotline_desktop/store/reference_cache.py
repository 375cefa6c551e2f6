"""Reference data held in memory: units, categories, forms and industries change seldom,
and every call and every step looks them up."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.language import Named
from .models import Category, EmploymentForm, Industry, OrgUnit


@dataclass(frozen=True, slots=True)
class UnitInfo(Named):
    id: int
    code: str
    name_zh: str
    name_en: str
    kind: str
    path: str
    active: bool


@dataclass(frozen=True, slots=True)
class NamedInfo(Named):
    """A category, employment form or industry, as lists and combo boxes show it."""

    id: int
    code: str
    name_zh: str
    name_en: str
    active: bool = True  # a retired category stays for old tickets, not for new calls


def _named(model) -> dict[int, NamedInfo]:
    fields = [model.id, model.code, model.name_zh, model.name_en]
    if "active" in model._meta.fields:
        fields.append(model.active)
    rows = model.select(*fields).order_by(model.sort_order, model.id)
    return {row[0]: NamedInfo(*row) for row in rows.tuples()}


def tree_order(path: str) -> list[int]:
    """Sorting by this puts each unit right after its parent: "/1/2/" before "/1/2/17/"."""
    return [int(part) for part in path.strip("/").split("/")]


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
        self.category_by_id = _named(Category)
        self.form_by_id = _named(EmploymentForm)
        self.industry_by_id = _named(Industry)
        self.category_by_code = {c.code: c.id for c in self.category_by_id.values()}
        self.category_code = {c.id: c.code for c in self.category_by_id.values()}
        self.form_by_code = {f.code: f.id for f in self.form_by_id.values()}
        self.industry_by_code = {i.code: i.id for i in self.industry_by_id.values()}
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

    def units_in_tree_order(self, top: str = "/") -> list[UnitInfo]:
        """Active units at or under the path ``top``, each after its parent, as an org
        tree reads from the top."""
        units = (
            u for u in self._ready().unit_by_id.values() if u.active and u.path.startswith(top)
        )
        return sorted(units, key=lambda u: tree_order(u.path))

    def subtree_ids(self, unit_id: int) -> list[int]:
        """The unit and every unit under it, active or not: old tickets stay findable."""
        path = self.unit(unit_id).path
        return [u.id for u in self._ready().unit_by_id.values() if u.path.startswith(path)]

    def category(self, category_id: int) -> NamedInfo:
        return self._look_up("category_by_id", category_id)

    def categories(self) -> list[NamedInfo]:
        return list(self._ready().category_by_id.values())

    def employment_forms(self) -> list[NamedInfo]:
        return list(self._ready().form_by_id.values())

    def industries(self) -> list[NamedInfo]:
        return list(self._ready().industry_by_id.values())

    def category_id(self, code: str) -> int | None:
        return self._look_up("category_by_code", code)

    def category_code_of(self, category_id: int) -> str:
        return self._look_up("category_code", category_id)

    def form_id(self, code: str) -> int | None:
        return self._look_up("form_by_code", code)

    def industry_id(self, code: str) -> int | None:
        return self._look_up("industry_by_code", code)
