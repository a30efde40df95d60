"""One way for every bench script to report a goal: printed for a person, and recorded for
``bench/bench_goals.py`` (which runs the scripts and prints every goal in one table).

A goal is either absolute (``value ≤ limit``) or a ratio to a baseline measured in the same
run (``value / baseline ≤ limit``).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

#: When set (by bench_goals.py), each goal is also appended to this file as one JSON line.
RESULTS_ENV = "MONMASTER_BENCH_RESULTS"


@dataclass(frozen=True)
class Goal:
    what: str
    value: float
    unit: str
    limit: float
    baseline: float | None = None
    baseline_what: str = ""
    extra: str = ""

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline

    @property
    def met(self) -> bool:
        measured = self.ratio if self.baseline is not None else self.value
        return measured is not None and measured <= self.limit

    def text(self) -> str:
        shown = f"{self.value:,.1f} {self.unit}"
        if self.baseline is not None:
            base = f"{self.baseline_what} {self.baseline:,.1f} {self.unit}"
            target = f"{self.ratio:.2f}× (goal ≤ {self.limit:g}×)"
            return f"  {self.what:<44} {shown:>12}   vs {base:<36} {target}  [{self.verdict}]"
        target = f"goal ≤ {self.limit:g} {self.unit}"
        return f"  {self.what:<44} {shown:>12}   {target:<52}  [{self.verdict}]"

    @property
    def verdict(self) -> str:
        return "met" if self.met else "MISSED"


def report(
    what: str,
    value: float,
    unit: str,
    limit: float,
    *,
    baseline: float | None = None,
    baseline_what: str = "",
    extra: str = "",
) -> Goal:
    """Print one goal (and record it when a results file is asked for); return it."""
    goal = Goal(what, value, unit, limit, baseline, baseline_what, extra)
    print(goal.text() + (f"  ({extra})" if extra else ""), flush=True)
    target = os.environ.get(RESULTS_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(goal), ensure_ascii=False) + "\n")
    return goal
