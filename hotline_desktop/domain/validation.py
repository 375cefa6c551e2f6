"""Checks of what people type: each returns the clean value or raises InvalidInput."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TypeVar

from .errors import InvalidInput
from .phrases import QT_TRANSLATE_NOOP, said

E = TypeVar("E", bound=Enum)

# Limits that no real call reaches; past them the input is a mistake (or a paste gone wrong).
MAX_AMOUNT = Decimal("100000000")  # 1亿元
MAX_HEADCOUNT = 100_000
MAX_DESCRIPTION = 5_000
MAX_SHORT_TEXT = 200
MAX_NAME = 50
MAX_NOTE = 2_000

_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9][0-9]{9})$", re.ASCII)
# Area codes are 3 digits (010, 02x) or 4 digits (0xxx); local numbers 7 or 8 digits.
_LANDLINE = re.compile(r"^(0(?:10|2[0-9]|[3-9][0-9]{2}))([0-9]{7,8})$", re.ASCII)
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$")
# Plain digits with a decimal point: no exponent ("1e5"), no sign but a leading minus.
_PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]*)?$|^-?\.[0-9]+$")
# Callers and agents write sums in 万 (ten thousand): "60万", "3.5万".
_TEN_THOUSAND = "万"


def phone(raw: str) -> str:
    """A Chinese mobile (13812345678) or a landline with area code (029-88886666)."""
    # NFKC reads the full-width digits and hyphens of a Chinese input method as ASCII.
    compact = re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", raw or ""))
    if not compact:
        raise InvalidInput(
            "phone", said(QT_TRANSLATE_NOOP("Messages", "the caller's phone number is required"))
        )
    if match := _MOBILE.match(compact):
        return match.group(1)
    if match := _LANDLINE.match(compact):
        return f"{match.group(1)}-{match.group(2)}"
    raise InvalidInput(
        "phone",
        said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "“{raw}” is neither a mobile number (11 digits starting with 1) "
                "nor a landline with its area code (such as 029-88886666)",
            ),
            raw=raw,
        ),
    )


def mask_phone(number: str) -> str:
    """138****1234: what lists show, so that personal data stays protected (PIPL)."""
    digits = number.replace("-", "")
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}****{digits[-4:]}"


def headcount(value: int | str | None) -> int:
    if value in (None, ""):
        return 1
    try:
        count = int(str(value).strip())
    except ValueError:
        raise InvalidInput(
            "headcount",
            said(
                QT_TRANSLATE_NOOP("Messages", "“{value}” is not a whole number of people"),
                value=value,
            ),
        ) from None
    if count < 1:
        raise InvalidInput(
            "headcount", said(QT_TRANSLATE_NOOP("Messages", "at least one person is involved"))
        )
    if count > MAX_HEADCOUNT:
        raise InvalidInput(
            "headcount",
            said(
                QT_TRANSLATE_NOOP("Messages", "more than {limit:,} people is not plausible"),
                limit=MAX_HEADCOUNT,
            ),
        )
    return count


def amount(value: Decimal | int | float | str | None, field: str = "amount") -> Decimal | None:
    """A sum of money in yuan with at most two decimals, or None when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    written = unicodedata.normalize("NFKC", str(value)).strip().removesuffix("元").strip()
    scale = 1
    if written.endswith(_TEN_THOUSAND):
        written, scale = written.removesuffix(_TEN_THOUSAND).strip(), 10_000
    if "," in written:
        if not _GROUPED.match(written):
            raise InvalidInput(
                field,
                said(
                    QT_TRANSLATE_NOOP(
                        "Messages", "“{value}”: write decimals with a point, such as 1200.50"
                    ),
                    value=value,
                ),
            )
        written = written.replace(",", "")
    if not _PLAIN_NUMBER.match(written):
        raise InvalidInput(
            field,
            said(
                QT_TRANSLATE_NOOP(
                    "Messages", "“{value}” is not an amount of money: write it as 600000 or 60万"
                ),
                value=value,
            ),
        )
    try:
        money = Decimal(written) * scale
    except InvalidOperation:
        raise InvalidInput(
            field,
            said(QT_TRANSLATE_NOOP("Messages", "“{value}” is not an amount of money"), value=value),
        ) from None
    if money < 0:
        raise InvalidInput(
            field, said(QT_TRANSLATE_NOOP("Messages", "an amount cannot be negative"))
        )
    if money > MAX_AMOUNT:
        raise InvalidInput(
            field,
            said(
                QT_TRANSLATE_NOOP("Messages", "more than {limit:,} yuan is not plausible"),
                limit=MAX_AMOUNT,
            ),
        )
    if money != money.quantize(Decimal("0.01")):
        raise InvalidInput(
            field,
            said(QT_TRANSLATE_NOOP("Messages", "amounts are in yuan with at most two decimals")),
        )
    # abs() turns "-0" into 0 rather than a negative zero that prints as -0.00.
    return abs(money.quantize(Decimal("0.01")))


def positive_amount(value, field: str = "amount") -> Decimal:
    money = amount(value, field)
    if money is None or money <= 0:
        raise InvalidInput(
            field, said(QT_TRANSLATE_NOOP("Messages", "an amount greater than zero is required"))
        )
    return money


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str | None, field: str, *, limit: int, required: bool = False) -> str:
    cleaned = (value or "").strip()
    if _CONTROL.search(cleaned):
        # A paste from another program can carry them; databases refuse or mangle them.
        raise InvalidInput(
            field,
            said(QT_TRANSLATE_NOOP("Messages", "the text holds control characters; type it again")),
        )
    if required and not cleaned:
        raise InvalidInput(field, said(QT_TRANSLATE_NOOP("Messages", "this field cannot be empty")))
    if len(cleaned) > limit:
        raise InvalidInput(
            field,
            said(
                QT_TRANSLATE_NOOP("Messages", "at most {limit:,} characters ({given:,} given)"),
                limit=limit,
                given=len(cleaned),
            ),
        )
    return cleaned


def description(value: str | None) -> str:
    return text(value, "description", limit=MAX_DESCRIPTION, required=True)


def choice(enum_type: type[E], value, field: str) -> E:
    """A member of ``enum_type`` named by its stored value, or InvalidInput listing them."""
    try:
        return enum_type(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum_type)
        raise InvalidInput(
            field,
            said(
                QT_TRANSLATE_NOOP("Messages", "“{value}” is not one of {choices}"),
                value=value,
                choices=choices,
            ),
        ) from None
