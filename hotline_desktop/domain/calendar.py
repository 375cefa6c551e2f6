"""Chinese working days: statutory holidays and make-up working days (调休上班) count.

`chinese_calendar` carries the State Council's announced schedules; for years it does not
cover yet, the `holidays` package estimates the statutory holidays. An admin's overrides
win over both, so a newly published schedule can be entered before the libraries catch up.
Datetimes are naive Asia/Shanghai wall-clock time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import chinese_calendar
import holidays

_ONE_DAY = timedelta(days=1)


class WorkingCalendar:
    """Answers which days are working days and counts deadlines in working days."""

    def __init__(
        self, extra_holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()
    ) -> None:
        self._extra_holidays = frozenset(extra_holidays)
        self._extra_workdays = frozenset(extra_workdays)
        clash = self._extra_holidays & self._extra_workdays
        if clash:
            days = ", ".join(day.isoformat() for day in sorted(clash))
            raise ValueError(f"days overridden both as holiday and as working day: {days}")
        self._override_years = {day.year for day in self._extra_holidays | self._extra_workdays}
        # Deadlines are computed for every ticket on every queue refresh and for a million
        # demo tickets, while the answers only depend on a few thousand distinct days.
        self._workday_by_day: dict[date, bool] = {}
        self._workday_after: dict[tuple[date, int], date] = {}
        self._official_by_year: dict[int, bool] = {}
        self._estimates_by_year: dict[int, holidays.HolidayBase] = {}

    def is_workday(self, day: date) -> bool:
        known = self._workday_by_day.get(day)
        if known is None:
            known = self._workday_by_day[day] = self._look_up(day)
        return known

    def is_estimated(self, year: int) -> bool:
        """True when neither an official schedule nor an admin's override covers the year."""
        return not self._is_official(year) and year not in self._override_years

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The same clock time `days` working days later.

        A start on a non-working day counts from 00:00 of the next working day, as a call
        taken on a Saturday is first worked on Monday; with `days` = 0 that moment is
        returned, so a due date never falls on a day nobody works.
        """
        if days < 0:
            raise ValueError(f"days must not be negative, got {days}")
        day = start.date()
        if self.is_workday(day):
            return datetime.combine(self._nth_workday_after(day, days), start.time())
        clock_start = self._nth_workday_after(day, 1)
        return datetime.combine(self._nth_workday_after(clock_start, days), time.min)

    def working_days_between(self, start: datetime, end: datetime) -> int:
        """Whole working days elapsed: the largest n with add_working_days(start, n) <= end.

        Returns 0 when `end` is before the clock starts.
        """
        clock_start = self.add_working_days(start, 0)
        if end < clock_start:
            return 0
        day = clock_start.date() + _ONE_DAY
        elapsed = 0
        while day < end.date():
            elapsed += self.is_workday(day)
            day += _ONE_DAY
        if day == end.date() and self.is_workday(day) and end.time() >= clock_start.time():
            elapsed += 1
        return elapsed

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The time between two moments that falls on working days: a deadline the day
        after a week's holiday is hours away in working time, not a week."""
        if end <= start:
            return timedelta(0)
        total = timedelta(0)
        day = start.date()
        while day <= end.date():
            if self.is_workday(day):
                begin = max(start, datetime.combine(day, time.min))
                finish = min(end, datetime.combine(day + _ONE_DAY, time.min))
                total += finish - begin
            day += _ONE_DAY
        return total

    def _nth_workday_after(self, day: date, n: int) -> date:
        key = (day, n)
        found = self._workday_after.get(key)
        if found is None:
            found = day
            for _ in range(n):
                found += _ONE_DAY
                while not self.is_workday(found):
                    found += _ONE_DAY
            self._workday_after[key] = found
        return found

    def _look_up(self, day: date) -> bool:
        if day in self._extra_workdays:
            return True
        if day in self._extra_holidays:
            return False
        if self._is_official(day.year):
            return chinese_calendar.is_workday(day)
        return self._estimate(day.year).is_working_day(day)

    def _is_official(self, year: int) -> bool:
        official = self._official_by_year.get(year)
        if official is None:
            try:
                chinese_calendar.is_workday(date(year, 1, 1))
            except NotImplementedError:
                official = False
            else:
                official = True
            self._official_by_year[year] = official
        return official

    def _estimate(self, year: int) -> holidays.HolidayBase:
        # One instance per year: a lazily expanding instance would test a weekend against
        # its make-up days before it had loaded that year.
        estimate = self._estimates_by_year.get(year)
        if estimate is None:
            estimate = self._estimates_by_year[year] = holidays.China(years=year)
        return estimate
