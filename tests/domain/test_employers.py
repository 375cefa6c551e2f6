"""One key per employer, however callers name it: what the repeat warning (多) counts on."""

import pytest

from hotline_desktop.domain.employers import employer_key


def same_employer(*names: str) -> bool:
    return len({employer_key(name) for name in names}) == 1


def test_the_three_ways_of_naming_a_group_meet():
    assert same_employer("陕西建工集团", "陕西建工集团有限公司", "陕西建工集团公司")
    assert employer_key("陕西建工集团有限公司") == "陕西建工集团"


@pytest.mark.parametrize(
    "name",
    [
        "陕西建工集团股份有限公司",
        "陕西建工集团有限责任公司",
        "陕西建工集团公司工会",
        "陕西建工集团有限公司工会委员会",
    ],
)
def test_other_legal_forms_of_the_group_meet_it_too(name):
    assert employer_key(name) == employer_key("陕西建工集团")


@pytest.mark.parametrize(
    "name",
    [
        "西安某某科技",
        "西安某某科技公司",
        "西安某某科技有限公司",
        "西安某某科技股份有限公司",
        "西安某某科技有限责任公司",
        "西安某某科技有限公司工会",
        "西安某某科技工会委员会",
    ],
)
def test_legal_suffixes_and_the_enterprise_union_fall_away(name):
    assert employer_key(name) == "西安某某科技"


def test_a_branch_keeps_its_place_name():
    assert employer_key("某某科技西安分公司") == "某某科技西安"
    assert not same_employer("某某科技西安分公司", "某某科技咸阳分公司")


def test_a_branch_named_with_or_without_the_parents_legal_form_is_one_employer():
    assert same_employer("某某科技有限公司西安分公司", "某某科技西安分公司")


@pytest.mark.parametrize(
    "name",
    [
        "某某(西安)科技有限公司",
        "某某（西安）科技有限公司",
        "某某 （西安） 科技 有限公司",
        "某某\u3000(西安)科技有限公司",
        " 某某（西安）科技有限公司 ",
        "“某某（西安）科技有限公司”",
    ],
)
def test_parentheses_spaces_and_quotes_of_either_width_do_not_matter(name):
    assert employer_key(name) == "某某西安科技"


def test_full_width_latin_letters_and_case_do_not_matter():
    assert same_employer("ＡＢＣ物流有限公司", "abc物流公司", "ABC物流")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("陕西建工集团", "陕西建设集团"),
        ("某某劳务有限公司", "某某劳务派遣有限公司"),
        ("美团", "饿了么"),
        ("西安某某科技有限公司", "咸阳某某科技有限公司"),
    ],
)
def test_different_employers_stay_different(one, other):
    assert not same_employer(one, other)


@pytest.mark.parametrize("name", ["", "   ", None])
def test_no_employer_gives_an_empty_key(name):
    assert employer_key(name) == ""
