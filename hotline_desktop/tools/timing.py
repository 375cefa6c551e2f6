"""Timing for the benchmarks: repeated measurements, their medians and percentiles, and
ratios to a baseline.

The machine is shared and noisy, so absolute times alone say little: every figure is a
median (or a percentile) over repeated runs, and every ratio is against a baseline
measured in the same run on the same data.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

_Arguments = ParamSpec("_Arguments")
_Result = TypeVar("_Result")


def timed_result(
    action: Callable[_Arguments, _Result], *args: _Arguments.args, **kwargs: _Arguments.kwargs
) -> tuple[_Result, float]:
    """What ``action(*args, **kwargs)`` returns, and the seconds it took."""
    began = time.perf_counter()
    result = action(*args, **kwargs)
    return result, time.perf_counter() - began


def timed(
    action: Callable[_Arguments, object], *args: _Arguments.args, **kwargs: _Arguments.kwargs
) -> float:
    """The seconds one call of ``action(*args, **kwargs)`` takes."""
    return timed_result(action, *args, **kwargs)[1]


@dataclass(frozen=True)
class Timings:
    """Repeated measurements of one thing, in seconds."""

    samples: Sequence[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    def percentile(self, share: float) -> float:
        """The nearest-rank percentile: the smallest sample that ``share`` of them do not
        exceed."""
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(*actions: Callable[[], object], runs: int, warm_up: bool = False) -> Timings:
    """``runs`` timings, taking the actions in turn (variants of one operation, such as a
    search for each of several words). ``warm_up`` calls each once untimed first, for
    figures of a workstation that is in use, its caches warm."""
    if warm_up:
        for action in actions:
            action()
    return Timings([timed(actions[run % len(actions)]) for run in range(runs)])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def ratio(measured: float, baseline: float) -> float:
    """How many times the baseline ``measured`` took."""
    # A baseline too fast for the clock would divide by zero.
    return measured / max(baseline, 1e-9)


def times(value: float, spec: str = ".2f") -> str:
    """A ratio as the reports print it: 2.04×."""
    return f"{value:{spec}}×"
