"""What agents type at the workstation: phone numbers, head counts, money, descriptions."""

from decimal import Decimal

import pytest

from hotline_desktop.domain import validation
from hotline_desktop.domain.errors import InvalidInput


def refusal(check, *args, **kwargs) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        check(*args, **kwargs)
    return caught.value


# ---- phone numbers ----


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "+86 138 1234 5678",
        "86-13812345678",
        "+8613812345678",
        "138-1234-5678",
        " 13812345678 ",
        "(+86) 13812345678",
    ],
)
def test_a_mobile_number_is_kept_as_its_eleven_digits(raw):
    assert validation.phone(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("029-88886666", "029-88886666"),
        ("02988886666", "029-88886666"),
        ("(029) 8888 6666", "029-88886666"),
        ("（029）88886666", "029-88886666"),
        ("0917-1234567", "0917-1234567"),
        ("09171234567", "0917-1234567"),
        ("010-12345678", "010-12345678"),
        ("0755-12345678", "0755-12345678"),
    ],
)
def test_a_landline_is_written_with_its_area_code_and_a_hyphen(raw, normalized):
    assert validation.phone(raw) == normalized


@pytest.mark.parametrize(
    "raw",
    [
        "12345",
        "12812345678",  # no mobile network starts with 12
        "1381234567",  # ten digits
        "138123456789",  # twelve digits
        "029-123",
        "029-123456789",
        "88886666",  # a landline without its area code
        "abc",
        "138abcd5678",
        "+1 415 555 0100",
    ],
)
def test_anything_else_is_refused_on_the_phone_field(raw):
    error = refusal(validation.phone, raw)
    assert error.field == "phone"
    assert raw in error.message
    assert "029-88886666" in error.message  # shows the expected form


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_the_phone_number_is_required(raw):
    error = refusal(validation.phone, raw)
    assert error.field == "phone"
    assert error.message == "the caller's phone number is required"


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("１３８１２３４５６７８", "13812345678"),
        ("13８１２３４５６７８", "13812345678"),
        ("029－88886666", "029-88886666"),
    ],
)
def test_full_width_digits_and_hyphens_are_read_as_ordinary_ones(raw, normalized):
    assert validation.phone(raw) == normalized


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("13812345678", "138****5678"),
        ("029-88886666", "029****6666"),
        ("0917-1234567", "091****4567"),
        ("12345", "*****"),
    ],
)
def test_lists_show_a_masked_phone_number(number, masked):
    assert validation.mask_phone(number) == masked


# ---- head count ----


@pytest.mark.parametrize(
    ("value", "count"), [("", 1), (None, 1), ("13", 13), (13, 13), (100_000, 100_000)]
)
def test_headcount_defaults_to_one_person(value, count):
    assert validation.headcount(value) == count


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "at least one person"),
        (-1, "at least one person"),
        ("abc", "not a whole number"),
        ("1.5", "not a whole number"),
        (100_001, "not plausible"),
    ],
)
def test_an_impossible_headcount_is_refused(value, words):
    error = refusal(validation.headcount, value)
    assert error.field == "headcount"
    assert words in error.message


# ---- money ----


@pytest.mark.parametrize(
    ("value", "money"),
    [
        ("1,200.50", Decimal("1200.50")),
        ("600000", Decimal("600000.00")),
        (" 12.5 ", Decimal("12.50")),
        (3, Decimal("3.00")),
        (Decimal("0.01"), Decimal("0.01")),
        ("0", Decimal("0.00")),
        ("100000000", Decimal("100000000.00")),
        ("60万", Decimal("600000.00")),  # as callers say it
        ("3.5万元", Decimal("35000.00")),
        ("１２００元", Decimal("1200.00")),
    ],
)
def test_an_amount_is_kept_in_yuan_with_two_decimals(value, money):
    result = validation.amount(value)
    assert result == money
    assert str(result) == str(money)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_amount_not_given_stays_empty(value):
    assert validation.amount(value) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("-1", "cannot be negative"),
        ("-0.01", "cannot be negative"),
        ("abc", "not an amount of money"),
        ("NaN", "not an amount of money"),
        ("Infinity", "not an amount of money"),
        ("-Infinity", "not an amount of money"),
        ("100000000.01", "100,000,000 yuan is not plausible"),
        ("1e5", "write it as 600000 or 60万"),  # no exponents: nobody means 100,000 so
        ("20000万", "100,000,000 yuan is not plausible"),
        ("12.345", "at most two decimals"),
    ],
)
def test_an_impossible_amount_is_refused(value, words):
    error = refusal(validation.amount, value)
    assert error.field == "amount"
    assert words in error.message


def test_the_refusal_names_the_field_the_amount_was_typed_in():
    assert refusal(validation.amount, "abc", "claimed amount").field == "claimed amount"


@pytest.mark.parametrize("value", ["0", 0, "0.00", None, ""])
def test_a_positive_amount_refuses_zero_and_nothing(value):
    error = refusal(validation.positive_amount, value, "payment 1")
    assert error.field == "payment 1"
    assert error.message == "an amount greater than zero is required"


def test_a_positive_amount_takes_a_cent():
    assert validation.positive_amount("0.01") == Decimal("0.01")


# ---- text ----


def test_text_is_trimmed_and_may_be_empty_unless_required():
    assert validation.text("  工资  ", "note", limit=10) == "工资"
    assert validation.text(None, "note", limit=10) == ""
    error = refusal(validation.text, "  ", "result", limit=10, required=True)
    assert (error.field, error.message) == ("result", "this field cannot be empty")


def test_text_over_its_limit_is_refused_with_the_count():
    error = refusal(validation.text, "一二三四五六", "name", limit=5)
    assert error.message == "at most 5 characters (6 given)"


@pytest.mark.parametrize("value", ["", "   \n\t　", None])
def test_a_description_is_required(value):
    error = refusal(validation.description, value)
    assert error.field == "description"


def test_a_description_of_five_thousand_characters_is_accepted():
    assert len(validation.description("欠" * 5000)) == 5000


def test_a_longer_description_is_refused_with_the_count():
    error = refusal(validation.description, "欠" * 5001)
    assert error.field == "description"
    assert error.message == "at most 5,000 characters (5,001 given)"


def test_a_comma_is_read_only_as_a_thousands_separator():
    assert validation.amount("1,200.50") == Decimal("1200.50")
    error = refusal(validation.amount, "12,50")
    assert "decimals with a point" in error.message


def test_minus_zero_is_zero():
    assert str(validation.amount("-0")) == "0.00"


@pytest.mark.parametrize("raw", [2.7, "2.5", "三"])
def test_a_headcount_must_be_a_whole_number(raw):
    assert refusal(validation.headcount, raw).field == "headcount"
