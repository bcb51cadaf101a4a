"""Time the target planner and print a table.

- the demo agency (DISKOMINFO, this year's draft) to the next predicate: fewest steps, and
  least effort with estimates;
- a city of 60 agencies (every indicator answered, last year finalized): reading the city
  picture, then the city plan to the next predicate, to "Memuaskan", and with effort
  estimates, against scoring the city picture once in the same run (the reference).

Each engine figure is the median of several runs. Run:
    .venv/bin/python benchmarks/plan_timing.py [--smoke]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from measure import print_rows, timed  # benchmarks/measure.py, beside this script

from kotacerdas_desktop.demo import fill_city, fill_demo_city
from kotacerdas_desktop.domain.city import city_picture
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.plan_target import Target, parse_target
from kotacerdas_desktop.domain.planner import Plan, plan_agency, plan_city
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.store import Store

RUNS = 5


def next_predicate(catalogue, figure) -> Target:
    current = predicate_of(catalogue, figure)
    position = catalogue.predicates.index(current)
    chosen = catalogue.predicates[min(position + 1, len(catalogue.predicates) - 1)]
    return Target(chosen.exact_minimum, chosen)


def efforts_of(catalogue) -> dict[str, int]:
    """Estimates spread over 1-5 (a fixed pattern, so runs compare)."""
    return {indicator.code: n % 5 + 1 for n, indicator in enumerate(catalogue.indicators())}


def described(plan: Plan) -> str:
    text = f"{len(plan.steps)} steps, {format_figure(plan.before)} -> {format_figure(plan.after)}"
    return text + (f", effort {plan.effort}" if plan.weighed else "")


def agency_rows(folder: Path) -> list[tuple[str, str, str]]:
    with Store.open(folder / "demo.sqlite") as store:
        fill_demo_city(store, this_year=2026)
        draft = store.assessments.current("DISKOMINFO", 2026)
        catalogue = store.assessments.catalogue_of(draft)
        answers = store.assessments.answers(draft.id)
    target = next_predicate(catalogue, score(catalogue, answers).index)
    rows = []
    for name, efforts in (("fewest steps", None), ("least effort", efforts_of(catalogue))):
        seconds, plan = timed(lambda e=efforts: plan_agency(catalogue, answers, target, e), RUNS)
        rows.append(
            (
                f"demo agency to {target.text()}, {name}",
                f"{seconds * 1000:.1f} ms",
                described(plan),
            )
        )
    return rows


def city_rows(folder: Path, agencies: int) -> list[tuple[str, str, str]]:
    path = folder / "city.sqlite"
    start = time.perf_counter()
    with Store.open(path) as store:
        fill_city(store, agencies=agencies, years=2, last_year=2026)
    built = time.perf_counter() - start
    with Store.open(path) as store:
        read, picture = timed(lambda: store.city.picture(2025), 3)
    catalogue = picture.catalogue
    reference, _ = timed(lambda: city_picture(2025, catalogue, picture.entries), RUNS)
    rows = [
        (f"build a city of {agencies} agencies x 2 years", f"{built:.1f} s", ""),
        ("read the city picture (store)", f"{read * 1000:.0f} ms", ""),
        (
            "score the city picture once (reference)",
            f"{reference * 1000:.1f} ms",
            f"{len(picture.entries)} agencies",
        ),
    ]
    cases = (
        ("to the next predicate", next_predicate(catalogue, picture.report.index), None),
        ("to Memuaskan", parse_target(catalogue, "Memuaskan"), None),
        ("to the next predicate, least effort", None, efforts_of(catalogue)),
    )
    for name, target, efforts in cases:
        target = target or next_predicate(catalogue, picture.report.index)
        seconds, plan = timed(lambda t=target, e=efforts: plan_city(picture, t, e), RUNS)
        rows.append(
            (
                f"city plan {name}",
                f"{seconds * 1000:.0f} ms",
                f"{seconds / reference:.1f}x reference; {described(plan)}",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="6 agencies, to prove it works")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = agency_rows(folder) + city_rows(folder, 6 if args.smoke else 60)
    print_rows(rows)


if __name__ == "__main__":
    main()
