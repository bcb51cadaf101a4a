"""The planner's optimisation: the fewest steps (or the least effort) whose gains reach a need.

Each step raises one indicator by one level and adds a constant gain to the target's
figure (docs/planner.md says why), so the problem is a covering knapsack over whole
numbers. Steps come in runs: the consecutive levels one owner can still climb on one
indicator, all with the same gain and effort.

- Equal efforts: the first n steps by largest gain, n as small as reaches the need. Any
  n steps gain at most the n largest gains, so no plan is shorter.
- Efforts 1 to 5: among steps of the same effort, the best n are again the n largest, so a
  plan is one count per effort, and the least total effort is found exactly by dynamic
  programming over effort budgets (docs/planner.md, "Effort").

Ties are broken by each run's ``key``, so the same input gives the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate


@dataclass(frozen=True)
class Run:
    """Up to ``count`` steps of equal ``gain`` (a whole number, > 0) and ``effort`` (>= 1)."""

    key: tuple
    gain: int
    effort: int
    count: int


def solve(runs: Sequence[Run], need: int) -> list[int] | None:
    """How many steps of each run to take (in the runs' order), or None when all of them
    together gain less than ``need``. Only the first steps of a run are ever taken."""
    taken = [0] * len(runs)
    if need <= 0:
        return taken
    if sum(run.gain * run.count for run in runs) < need:
        return None
    groups: dict[int, list[int]] = {}
    for index in sorted(range(len(runs)), key=lambda i: (-runs[i].gain, runs[i].key)):
        groups.setdefault(runs[index].effort, []).append(index)
    efforts = sorted(groups)
    gains = {
        e: [0, *accumulate(runs[i].gain for i in groups[e] for _ in range(runs[i].count))]
        for e in efforts
    }
    counts = _counts(efforts, gains, need)
    for effort in efforts:
        left = counts[effort]
        for index in groups[effort]:
            take = min(left, runs[index].count)
            taken[index], left = take, left - take
    return taken


def _counts(efforts: list[int], gains: dict[int, list[int]], need: int) -> dict[int, int]:
    """The number of steps to take from each effort group: least total effort, then the
    largest gain among the plans of that effort."""
    if len(efforts) == 1:
        (effort,) = efforts
        prefix = gains[effort]
        return {effort: next(n for n, g in enumerate(prefix) if g >= need)}
    budget = _greedy_effort(efforts, gains, need)
    first = efforts[0]
    best = [gains[first][min(len(gains[first]) - 1, e // first)] for e in range(budget + 1)]
    choices: list[list[int]] = []
    for effort in efforts[1:]:
        best, choice = _add_group(best, effort, gains[effort])
        choices.append(choice)
    spent = next(e for e, g in enumerate(best) if g >= need)
    counts = {}
    for effort, choice in zip(reversed(efforts[1:]), reversed(choices), strict=True):
        counts[effort] = choice[spent]
        spent -= effort * choice[spent]
    counts[first] = min(len(gains[first]) - 1, spent // first)
    return counts


def _greedy_effort(efforts: list[int], gains: dict[int, list[int]], need: int) -> int:
    """The effort of one plan that reaches the need (steps by gain per effort), so the
    least effort is no more than this: the dynamic programme's budget."""
    steps = sorted(
        ((b - a, e) for e in efforts for a, b in zip(gains[e], gains[e][1:], strict=False)),
        key=lambda step: Fraction(step[0], step[1]),
        reverse=True,
    )
    total = spent = 0
    for gain, effort in steps:
        total, spent = total + gain, spent + effort
        if total >= need:
            return spent
    return spent


def _add_group(best: list[int], effort: int, prefix: list[int]) -> tuple[list[int], list[int]]:
    """Combine the best gain per effort budget with one more group (n steps cost effort x n and
    gain prefix[n]); returns the new best and the n chosen at each budget. Budgets of one
    residue modulo ``effort`` are one column, convolved on its own."""
    new_best = [0] * len(best)
    choice = [0] * len(best)
    for residue in range(min(effort, len(best))):
        values, counts = _convolve(best[residue::effort], prefix)
        new_best[residue::effort] = values
        choice[residue::effort] = counts
    return new_best, choice


def _convolve(column: list[int], prefix: list[int]) -> tuple[list[int], list[int]]:
    """out[j] = max over n of column[j - n] + prefix[n], and the n chosen.

    A (max, +) convolution with the concave ``prefix`` (gains sorted largest first): the best
    source j - n never moves back as j grows, so divide and conquer finds every row's best
    in O(J log J) instead of O(J^2) (docs/planner.md, "Effort").
    """
    size, limit = len(column), len(prefix) - 1
    values, counts = [0] * size, [0] * size
    pending = [(0, size - 1, 0, size - 1)]
    while pending:
        lo, hi, first, last = pending.pop()
        if lo > hi:
            continue
        mid = (lo + hi) // 2
        top, where = -1, first
        for source in range(max(first, mid - limit), min(last, mid) + 1):
            value = column[source] + prefix[mid - source]
            if value >= top:  # the latest source wins ties: fewer steps of this group
                top, where = value, source
        values[mid], counts[mid] = top, mid - where
        pending += [(lo, mid - 1, first, where), (mid + 1, hi, where, last)]
    return values, counts
