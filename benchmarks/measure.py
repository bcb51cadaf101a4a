"""The benchmark table's parts: a row (a workload beside its reference), repeated timing, printing.

A row holds every sample of the workload and of its reference, both measured
in the same run. The machines these run on are noisy (a shared 2-core
development machine, office PCs with antivirus), so:

- the ratio is of the two minimums: the least disturbed run of each;
- an absolute target (milliseconds, seconds, megabytes) is judged on the
  median, what a user meets on an ordinary try;
- a ratio target is judged on the ratio.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """``limit`` for the median (``ratio`` False) or for the ratio of minimums (``ratio`` True)."""

    limit: float
    ratio: bool = False
    text: str = ""


@dataclass
class Row:
    workload: str
    reference: str
    samples: list[float]
    reference_samples: list[float]
    unit: str = "s"  # "s" (below 0.1 s shown in ms), "ms" or "MB": how the figures are shown
    target: Target | None = None
    note: str = ""
    extra_checks: list[tuple[str, bool]] = field(default_factory=list)  # e.g. ("p99 < 5 ms", True)

    @property
    def best(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def ratio(self) -> float:
        return self.best / min(self.reference_samples)

    @property
    def verdict(self) -> str:
        if self.target is None and not self.extra_checks:
            return "–"
        checks = [ok for _text, ok in self.extra_checks]
        if self.target is not None:
            figure = self.ratio if self.target.ratio else self.median
            checks.append(figure <= self.target.limit)
        return "met" if all(checks) else "MISSED"

    def shown(self, value: float) -> str:
        if self.unit == "ms":
            return f"{value * 1000:.1f} ms"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def repeat(action: Callable[[], object], runs: int) -> tuple[list[float], object]:
    """Seconds of each of ``runs`` calls, and the last call's result."""
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        samples.append(time.perf_counter() - start)
    return samples, result


def percentile(samples: Sequence[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * share) - 1)]


HEADER = ("workload", "min", "median", "reference", "ref. min", "ratio", "target", "verdict")


def cells(row: Row) -> tuple[str, ...]:
    target = row.target.text if row.target else "–"
    if row.extra_checks:
        target = "; ".join([target, *(text for text, _ok in row.extra_checks)]).removeprefix("–; ")
    return (
        row.workload,
        row.shown(row.best),
        row.shown(row.median),
        row.reference,
        row.shown(min(row.reference_samples)),
        f"{row.ratio:.2f}x",
        target,
        row.verdict,
    )


def print_table(rows: Sequence[Row], markdown: bool = False) -> None:
    """One line per row (a Markdown table with ``markdown``); notes follow the table."""
    table = [HEADER, *(cells(r) for r in rows)]
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---|" * len(HEADER))
        for line in table[1:]:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
        for line in table:
            print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
    notes = [(r.workload, r.note) for r in rows if r.note]
    if notes:
        print()
        for workload, note in notes:
            print(f"- {workload}: {note}")
