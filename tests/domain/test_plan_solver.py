"""The planner's optimisation on its own, against a plain 0/1 knapsack over every single step.

The random runs are larger than a brute force over levels could try (up to 40 runs of up
to 4 steps, efforts 1 to 5), so the divide-and-conquer programme is checked where it
takes shortcuts.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas_desktop.domain.plan_solver import Run, solve

RUNS = st.lists(
    st.builds(
        Run,
        key=st.tuples(st.integers(0, 5)),
        gain=st.integers(1, 60),
        effort=st.integers(1, 5),
        count=st.integers(1, 4),
    ),
    max_size=40,
)


def least_effort(runs: list[Run], need: int) -> int | None:
    """min total effort with total gain >= need, by a textbook 0/1 knapsack over single steps."""
    total = sum(r.gain * r.count for r in runs)
    if total < need:
        return None
    best = {0: 0}  # effort -> the largest gain for exactly that effort
    for run in runs:
        for _ in range(run.count):
            for effort, gain in sorted(best.items(), reverse=True):
                spent = effort + run.effort
                best[spent] = max(best.get(spent, -1), gain + run.gain)
    return min(e for e, g in best.items() if g >= need)


@settings(max_examples=300, deadline=None)
@given(runs=RUNS, share=st.floats(0, 1.05))
def test_the_least_effort_agrees_with_a_plain_knapsack(runs, share):
    need = int(sum(r.gain * r.count for r in runs) * share)
    taken = solve(runs, need)
    expected = least_effort(runs, need) if need > 0 else 0
    if expected is None:
        assert taken is None
        return
    assert taken is not None
    assert all(0 <= n <= r.count for n, r in zip(taken, runs, strict=True))
    assert sum(n * r.effort for n, r in zip(taken, runs, strict=True)) == expected
    assert sum(n * r.gain for n, r in zip(taken, runs, strict=True)) >= need


@settings(max_examples=200, deadline=None)
@given(runs=RUNS, share=st.floats(0, 1))
def test_equal_efforts_take_the_largest_gains_first(runs, share):
    runs = [Run(r.key, r.gain, 2, r.count) for r in runs]
    need = int(sum(r.gain * r.count for r in runs) * share)
    taken = solve(runs, need)
    gains = sorted((r.gain for r in runs for _ in range(r.count)), reverse=True)
    fewest = next(n for n in range(len(gains) + 1) if sum(gains[:n]) >= need)
    assert sum(taken) == fewest
    chosen = sorted((r.gain for n, r in zip(taken, runs, strict=True) for _ in range(n)))
    assert chosen == sorted(gains[:fewest])


def test_ties_go_to_the_first_key():
    runs = [Run(("b",), 5, 1, 1), Run(("a",), 5, 1, 1), Run(("c",), 5, 1, 1)]
    assert solve(runs, 10) == [1, 1, 0]
    assert solve(runs, 0) == [0, 0, 0]
    assert solve(runs, 16) is None
