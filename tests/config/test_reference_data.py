import json

import pytest

from hotline_desktop.config.reference_data import (
    REFERENCE_DIR,
    load_categories,
    load_employment_forms,
    load_industries,
    load_org_units,
)
from hotline_desktop.domain.vocabulary import UnitKind

LOADERS = (load_org_units, load_categories, load_employment_forms, load_industries)


@pytest.fixture(scope="module")
def units():
    return load_org_units()


@pytest.mark.parametrize("loader", LOADERS)
def test_every_entry_has_a_unique_code_and_both_names(loader):
    entries = loader()
    assert entries
    codes = [entry.code for entry in entries]
    assert len(codes) == len(set(codes))
    for entry in entries:
        assert entry.code.isascii() and entry.code == entry.code.strip()
        assert entry.name_zh.strip() and entry.name_en.strip()
        assert entry.label("zh_CN") == entry.name_zh
        assert entry.label("en") == entry.name_en


def test_files_are_readable_chinese_not_escapes():
    text = (REFERENCE_DIR / "org_units.json").read_text(encoding="utf-8")
    assert "陕西省总工会" in text
    assert "\\u" not in text


def test_parents_exist_and_come_before_their_children(units):
    seen = set()
    for unit in units:
        assert unit.parent is None or unit.parent in seen, unit.code
        seen.add(unit.code)
    assert [unit.code for unit in units if unit.parent is None] == ["acftu"]


def test_tree_has_every_kind_of_unit_the_hotline_routes_to(units):
    by_code = {unit.code: unit for unit in units}
    kinds = {kind: [u for u in units if u.kind is kind] for kind in UnitKind}
    assert by_code["acftu"].kind is UnitKind.NATIONAL
    assert by_code["sx"].kind is UnitKind.PROVINCIAL
    assert by_code["sx"].parent == "acftu"
    for kind in (UnitKind.CENTRE, UnitKind.OFFICE, UnitKind.MEDIATION):
        assert [unit.parent for unit in kinds[kind]] == ["sx"]
    assert len(kinds[UnitKind.DEPARTMENT]) >= 4
    assert kinds[UnitKind.DIRECT] and kinds[UnitKind.SEPARATE]
    cities = {unit.name_zh for unit in kinds[UnitKind.CITY]}
    assert len(cities) >= 10
    assert {"西安市总工会", "宝鸡市总工会", "榆林市总工会", "杨凌示范区总工会"} <= cities
    xian_districts = [u for u in kinds[UnitKind.DISTRICT] if u.parent == "xa"]
    assert len(xian_districts) >= 13
    assert "西安市雁塔区总工会" in {unit.name_zh for unit in xian_districts}
    assert any(u.parent not in ("xa", None) for u in kinds[UnitKind.DISTRICT])
    district_codes = {unit.code for unit in kinds[UnitKind.DISTRICT]}
    assert any(unit.parent in district_codes for unit in kinds[UnitKind.ENTERPRISE])
    partners = {unit.name_zh for unit in kinds[UnitKind.PARTNER]}
    assert partners == {
        "陕西省人民检察院",
        "陕西省人力资源和社会保障厅",
        "陕西省高级人民法院",
        "陕西省法律援助中心",
    }
    assert {unit.parent for unit in kinds[UnitKind.PARTNER]} == {"sx"}


def test_categories_are_the_hotline_defaults_in_order():
    assert [category.code for category in load_categories()] == [
        "wages",
        "contract",
        "social_insurance",
        "work_injury",
        "hours_leave",
        "safety",
        "platform_rights",
        "hardship",
        "union_membership",
        "legal_advice",
        "suggestion",
        "praise",
        "other",
    ]
    assert load_categories()[0].name_zh == "劳动报酬"


def test_new_employment_forms_are_the_platform_ones():
    forms = {form.code: form for form in load_employment_forms()}
    assert {code for code, form in forms.items() if not form.new_form} == {"standard", "migrant"}
    assert len(forms) == 9
    assert forms["delivery_rider"].name_zh == "外卖骑手"


def test_industries_cover_the_hotline_s_usual_sectors():
    codes = {industry.code for industry in load_industries()}
    assert 12 <= len(codes) <= 20
    assert {"construction", "manufacturing", "transport_logistics", "other"} <= codes


def _write_units(tmp_path, units):
    (tmp_path / "org_units.json").write_text(json.dumps(units, ensure_ascii=False), "utf-8")
    return tmp_path


def _unit(code, parent=None, kind="city"):
    return {"code": code, "name_zh": "某工会", "name_en": "A union", "kind": kind, "parent": parent}


def test_children_listed_before_their_parent_are_reordered(tmp_path):
    directory = _write_units(tmp_path, [_unit("b", "a"), _unit("c", "b"), _unit("a")])
    assert [unit.code for unit in load_org_units(directory)] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ([_unit("a"), _unit("a")], "duplicate code 'a'"),
        ([_unit("a"), _unit("b", "zz")], "unknown parent 'zz'"),
        ([_unit("a", kind="galaxy")], "unknown unit kind 'galaxy'"),
        ([_unit("a"), _unit("b", "c"), _unit("c", "b")], "parent cycle among units b, c"),
        ([{**_unit("a"), "name_en": ""}], "'name_en' must be a non-empty string"),
    ],
)
def test_a_broken_org_tree_is_refused_with_a_clear_message(tmp_path, units, message):
    with pytest.raises(ValueError, match=message):
        load_org_units(_write_units(tmp_path, units))


def test_a_duplicate_category_is_refused(tmp_path):
    entry = {"code": "wages", "name_zh": "劳动报酬", "name_en": "Wages"}
    (tmp_path / "categories.json").write_text(json.dumps([entry, entry]), "utf-8")
    with pytest.raises(ValueError, match="duplicate code 'wages'"):
        load_categories(tmp_path)


def test_calendar_overrides_are_read_and_checked(tmp_path):
    from datetime import date

    from hotline_desktop.config.reference_data import load_calendar_overrides

    (tmp_path / "calendar.json").write_text(
        '{"extra_holidays": ["2027-02-08"], "extra_workdays": ["2027-02-20"]}', encoding="utf-8"
    )
    overrides = load_calendar_overrides(tmp_path)
    assert {(o.day, o.workday) for o in overrides} == {
        (date(2027, 2, 8), False),
        (date(2027, 2, 20), True),
    }
    (tmp_path / "calendar.json").write_text(
        '{"extra_holidays": ["2027-02-20"], "extra_workdays": ["2027-02-20"]}', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="both a holiday and a working day"):
        load_calendar_overrides(tmp_path)
    assert load_calendar_overrides() == ()  # the shipped file lists no override today
