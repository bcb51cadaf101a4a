"""What the benchmark scripts share: timing a workload, and the table they print."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def timed(action: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median seconds over ``runs`` and the last result."""
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def print_rows(rows: Sequence[tuple[str, str, str]]) -> None:
    """Workload, time and note, in columns."""
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'time':>9}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>9}  {note}")
