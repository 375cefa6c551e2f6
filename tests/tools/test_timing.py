"""The benchmarks' figures: medians, nearest-rank percentiles, ratios to a baseline."""

from __future__ import annotations

from hotline_desktop.tools.timing import Timings, measure, ms, ratio, timed_result, times


def test_the_median_and_the_nearest_rank_percentile():
    timings = Timings([0.005, 0.001, 0.004, 0.002, 0.003])
    assert timings.p50 == 0.003
    assert timings.percentile(0.2) == 0.001
    assert timings.percentile(0.21) == 0.002
    assert timings.p95 == 0.005
    # Of 200 runs (the intake benchmark's default), p95 is the 190th fastest.
    assert Timings(range(1, 201)).p95 == 190


def test_measure_takes_the_actions_in_turn_after_warming_each_up():
    calls = []
    timings = measure(lambda: calls.append("a"), lambda: calls.append("b"), runs=5, warm_up=True)
    assert calls == ["a", "b", "a", "b", "a", "b", "a"]
    assert len(timings.samples) == 5 and all(sample >= 0 for sample in timings.samples)


def test_a_timed_call_returns_its_result():
    result, seconds = timed_result(divmod, 7, 2)
    assert result == (3, 1) and seconds >= 0


def test_ratios_and_milliseconds_as_the_reports_print_them():
    assert times(ratio(0.0041, 0.002)) == "2.05×"
    assert times(ratio(0.0041, 0.002), "5.1f") == "  2.1×"
    assert ratio(0.001, 0.0) > 0  # a baseline below the clock's resolution
    assert ms(0.00041) == "    0.41 ms"
