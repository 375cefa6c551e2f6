"""Working-day arithmetic against the real 2026 schedule (National Day, Spring Festival)."""

from datetime import date, datetime

import pytest

from hotline_desktop.domain.calendar import WorkingCalendar

# 2026 per the State Council: 09-20 (Sun) and 10-10 (Sat) are make-up working days,
# 10-01..10-07 are National Day holidays; 02-14 (Sat) and 02-28 (Sat) are make-up working
# days around the Spring Festival holiday 02-15..02-23.


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 9, 30), True),
        (date(2026, 10, 1), False),
        (date(2026, 10, 7), False),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),
        (date(2026, 10, 11), False),
        (date(2026, 9, 19), False),
        (date(2026, 9, 20), True),
        (date(2026, 2, 16), False),
        (date(2026, 2, 28), True),
    ],
)
def test_is_workday_follows_the_official_2026_schedule(calendar, day, working):
    assert calendar.is_workday(day) is working


def test_one_working_day_before_national_day_lands_after_the_holiday(calendar):
    assert calendar.add_working_days(datetime(2026, 9, 30, 15), 1) == datetime(2026, 10, 8, 15)


def test_five_working_days_count_the_make_up_saturday(calendar):
    # 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue.
    assert calendar.add_working_days(datetime(2026, 9, 30, 10), 5) == datetime(2026, 10, 13, 10)


def test_a_start_on_the_make_up_saturday_keeps_its_clock_time(calendar):
    assert calendar.add_working_days(datetime(2026, 10, 10, 9), 1) == datetime(2026, 10, 12, 9)


def test_the_make_up_sunday_counts_as_a_working_day(calendar):
    assert calendar.add_working_days(datetime(2026, 9, 18, 16), 1) == datetime(2026, 9, 20, 16)


def test_a_start_on_a_holiday_counts_from_midnight_of_the_next_working_day(calendar):
    assert calendar.add_working_days(datetime(2026, 10, 3, 11), 1) == datetime(2026, 10, 9)


def test_a_start_on_a_weekend_counts_from_the_make_up_sunday(calendar):
    assert calendar.add_working_days(datetime(2026, 9, 19, 10), 1) == datetime(2026, 9, 21)


def test_zero_days_from_a_working_day_is_the_start_itself(calendar):
    start = datetime(2026, 9, 30, 15, 30)
    assert calendar.add_working_days(start, 0) == start


def test_zero_days_from_a_holiday_is_when_the_clock_starts(calendar):
    assert calendar.add_working_days(datetime(2026, 10, 1, 8), 0) == datetime(2026, 10, 8)


def test_negative_days_are_refused(calendar):
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(datetime(2026, 9, 30), -1)


def test_spring_festival_2026_is_skipped_and_its_make_up_days_count(calendar):
    start = datetime(2026, 2, 13, 14)
    assert calendar.add_working_days(start, 1) == datetime(2026, 2, 14, 14)
    assert calendar.add_working_days(start, 2) == datetime(2026, 2, 24, 14)
    assert calendar.add_working_days(start, 6) == datetime(2026, 2, 28, 14)


def test_years_of_the_official_schedule_are_not_estimated(calendar):
    assert not calendar.is_estimated(2026)
    assert not calendar.is_estimated(2004)


def test_a_year_beyond_the_official_schedule_is_estimated_but_skips_holidays(calendar):
    assert calendar.is_estimated(2027)
    assert not calendar.is_workday(date(2027, 10, 1))
    assert not calendar.is_workday(date(2027, 10, 2))
    assert not calendar.is_workday(date(2027, 2, 6))
    assert calendar.add_working_days(datetime(2027, 3, 12, 10), 1) == datetime(2027, 3, 15, 10)


def test_a_year_before_the_official_schedule_falls_back_to_the_holidays_package(calendar):
    assert not calendar.is_workday(date(2003, 10, 1))
    assert not calendar.is_workday(date(2003, 3, 15))
    assert calendar.is_workday(date(2003, 3, 17))
    assert calendar.is_workday(date(2003, 9, 27))  # a make-up Saturday the package knows


def test_overrides_beat_the_official_schedule():
    calendar = WorkingCalendar(
        extra_holidays=[date(2026, 10, 9)], extra_workdays=[date(2026, 10, 11)]
    )
    assert not calendar.is_workday(date(2026, 10, 9))
    assert calendar.is_workday(date(2026, 10, 11))
    assert calendar.add_working_days(datetime(2026, 9, 30, 15), 2) == datetime(2026, 10, 10, 15)


def test_overrides_beat_the_estimate_and_make_the_year_known():
    make_up_saturday = date(2027, 9, 25)
    calendar = WorkingCalendar(
        extra_holidays=[date(2027, 10, 6)], extra_workdays=[make_up_saturday]
    )
    assert calendar.is_workday(make_up_saturday)
    assert not calendar.is_workday(date(2027, 10, 6))
    assert not calendar.is_estimated(2027)
    assert calendar.is_estimated(2028)


def test_a_day_overridden_both_ways_is_refused():
    with pytest.raises(ValueError, match="2026-10-09"):
        WorkingCalendar(extra_holidays=[date(2026, 10, 9)], extra_workdays=[date(2026, 10, 9)])


@pytest.mark.parametrize(
    ("end", "elapsed"),
    [
        (datetime(2026, 9, 30, 14), 0),
        (datetime(2026, 10, 5, 12), 0),
        (datetime(2026, 10, 8, 14, 59), 0),
        (datetime(2026, 10, 8, 15), 1),
        (datetime(2026, 10, 9, 15), 2),
        (datetime(2026, 10, 11, 9), 3),
        (datetime(2026, 10, 13, 15), 5),
    ],
)
def test_working_days_between_skips_the_national_day_holiday(calendar, end, elapsed):
    assert calendar.working_days_between(datetime(2026, 9, 30, 15), end) == elapsed


def test_working_days_between_from_a_holiday_starts_at_the_next_working_day(calendar):
    start = datetime(2026, 10, 2, 18)
    assert calendar.working_days_between(start, datetime(2026, 10, 8, 23)) == 0
    assert calendar.working_days_between(start, datetime(2026, 10, 9, 0)) == 1


@pytest.mark.parametrize("days", [0, 1, 2, 5, 15])
@pytest.mark.parametrize(
    "start",
    [datetime(2026, 9, 30, 15), datetime(2026, 10, 4, 9), datetime(2026, 2, 13, 8, 45)],
)
def test_working_days_between_undoes_add_working_days(calendar, start, days):
    assert calendar.working_days_between(start, calendar.add_working_days(start, days)) == days
