"""Time limits (时限) for signing, completing, returning, extending and calling back tickets.

Every number is a default that an admin can change: the policy comes from
resources/reference/time_limits.json or from the admin's edited copy, read by the store
and handed to `TimeLimitPolicy.from_dict`, the one place where it is checked.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hotline_desktop.domain.calendar import WorkingCalendar
from hotline_desktop.domain.vocabulary import Labelled, Urgency

WAGES_CATEGORY = "wages"


class LimitUnit(Labelled):
    WORKING_DAYS = "working_days", "工作日", "Working days"
    HOURS = "hours", "小时", "Hours"


@dataclass(frozen=True)
class Limit:
    """How long a step may take: working days on the calendar, or elapsed clock hours."""

    amount: int
    unit: LimitUnit

    def due(self, start: datetime, calendar: WorkingCalendar) -> datetime:
        if self.unit is LimitUnit.HOURS:
            # An hour limit is for urgent work, which does not wait for nights or holidays.
            return start + timedelta(hours=self.amount)
        return calendar.add_working_days(start, self.amount)


@dataclass(frozen=True)
class TicketLimits:
    """The limits that apply to one ticket."""

    sign: Limit
    complete: Limit
    return_window: Limit
    extension_max_days: int
    callback: Limit


@dataclass(frozen=True)
class TimeLimitPolicy:
    """The hotline's rules for choosing a ticket's limits."""

    sign: Limit
    sign_urgent: Limit
    sign_collective_wage_arrears: Limit
    collective_wage_arrears_headcount: int
    complete: Limit
    complete_urgent: Limit
    complete_complex: Limit
    complete_by_category: Mapping[str, Limit]
    return_window: Limit
    extension_max_days: int
    callback: Limit

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimeLimitPolicy:
        """Read the JSON form, refusing it with a ValueError that names the first bad key."""
        top = _section(data, "", _TOP_KEYS)
        sign = _section(top["sign"], "sign", _SIGN_KEYS)
        complete = _section(top["complete"], "complete", _COMPLETE_KEYS)
        by_category = _mapping(complete["by_category"], "complete.by_category")
        return cls(
            sign=_limit(sign["normal"], "sign.normal"),
            sign_urgent=_limit(sign["urgent"], "sign.urgent"),
            sign_collective_wage_arrears=_limit(
                sign["collective_wage_arrears"], "sign.collective_wage_arrears"
            ),
            collective_wage_arrears_headcount=_positive_int(
                top["collective_wage_arrears_headcount"], "collective_wage_arrears_headcount"
            ),
            complete=_limit(complete["normal"], "complete.normal"),
            complete_urgent=_limit(complete["urgent"], "complete.urgent"),
            complete_complex=_limit(complete["complex"], "complete.complex"),
            complete_by_category={
                code: _limit(limit, f"complete.by_category.{code}")
                for code, limit in by_category.items()
            },
            return_window=_limit(top["return_window"], "return_window"),
            extension_max_days=_positive_int(top["extension_max_days"], "extension_max_days"),
            callback=_limit(top["callback"], "callback"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "sign": {
                "normal": _dump(self.sign),
                "urgent": _dump(self.sign_urgent),
                "collective_wage_arrears": _dump(self.sign_collective_wage_arrears),
            },
            "collective_wage_arrears_headcount": self.collective_wage_arrears_headcount,
            "complete": {
                "normal": _dump(self.complete),
                "urgent": _dump(self.complete_urgent),
                "complex": _dump(self.complete_complex),
                "by_category": {
                    code: _dump(limit) for code, limit in self.complete_by_category.items()
                },
            },
            "return_window": _dump(self.return_window),
            "extension_max_days": self.extension_max_days,
            "callback": _dump(self.callback),
        }

    def limits_for(
        self,
        category_code: str,
        urgency: Urgency,
        *,
        complex_case: bool = False,
        headcount: int = 1,
    ) -> TicketLimits:
        return TicketLimits(
            sign=self._sign_limit(category_code, urgency, headcount),
            complete=self._complete_limit(category_code, urgency, complex_case),
            return_window=self.return_window,
            extension_max_days=self.extension_max_days,
            callback=self.callback,
        )

    def _sign_limit(self, category_code: str, urgency: Urgency, headcount: int) -> Limit:
        if category_code == WAGES_CATEGORY and headcount >= self.collective_wage_arrears_headcount:
            return self.sign_collective_wage_arrears
        if urgency == Urgency.URGENT:
            return self.sign_urgent
        return self.sign

    def _complete_limit(self, category_code: str, urgency: Urgency, complex_case: bool) -> Limit:
        # A dispatcher marks a ticket complex because it cannot be finished in days, urgent or
        # not; an urgent complex ticket is still signed for within the urgent hours.
        if complex_case:
            return self.complete_complex
        if urgency == Urgency.URGENT:
            return self.complete_urgent
        return self.complete_by_category.get(category_code, self.complete)


_TOP_KEYS = (
    "sign",
    "collective_wage_arrears_headcount",
    "complete",
    "return_window",
    "extension_max_days",
    "callback",
)
_SIGN_KEYS = ("normal", "urgent", "collective_wage_arrears")
_COMPLETE_KEYS = ("normal", "urgent", "complex", "by_category")
_LIMIT_KEYS = ("amount", "unit")


def _mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{path or 'time limits'} must be a mapping, got {value!r}")
    return value


def _section(value: Any, path: str, keys: Collection[str]) -> Mapping[str, Any]:
    """The mapping at `path`, refused unless it holds exactly `keys`: a misspelt key would
    otherwise leave a default silently in force."""
    section = _mapping(value, path)
    prefix = f"{path}." if path else ""
    for key in keys:
        if key not in section:
            raise ValueError(f"{prefix}{key} is missing")
    for key in section:
        if key not in keys:
            raise ValueError(f"{prefix}{key} is not a known key")
    return section


def _positive_int(value: Any, path: str) -> int:
    # bool is an int subclass, but `true` days is a mistake, not a number.
    if type(value) is not int or value < 1:
        raise ValueError(f"{path} must be a positive whole number, got {value!r}")
    return value


def _limit(value: Any, path: str) -> Limit:
    entry = _section(value, path, _LIMIT_KEYS)
    try:
        unit = LimitUnit(entry["unit"])
    except ValueError:
        known = ", ".join(member.value for member in LimitUnit)
        raise ValueError(f"{path}.unit must be one of {known}, got {entry['unit']!r}") from None
    return Limit(_positive_int(entry["amount"], f"{path}.amount"), unit)


def _dump(limit: Limit) -> dict[str, Any]:
    return {"amount": limit.amount, "unit": limit.unit.value}
