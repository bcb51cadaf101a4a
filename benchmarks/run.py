"""Every benchmark of KotaCerdas Desktop in one table: each workload beside a reference
measured in the same run, the minimum and the median over repeats, the ratio of the
minimums, and the target.

    .venv/bin/python benchmarks/run.py                  # a city of 60 agencies x 5 years
    .venv/bin/python benchmarks/run.py --quick          # small sizes, under a minute
    .venv/bin/python benchmarks/run.py --city kota.sqlite --markdown

The city database is generated first (benchmarks/generate.py; about 30 s at full
scale), or copied from --city. The demo city is what an agency's PC holds. When
--dist (default dist/) holds a frozen build, its cold start is measured too.
Everything runs in a temporary folder; nothing outside it is written. Rows and
what each compares with are described in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generate import Scale, generate  # benchmarks/generate.py, beside this script
from measure import Row, print_table
from workloads_data import autosave_row, import_row, planner_row, recap_rows, sheet_rows
from workloads_gui import city_rows, cold_start_rows, switch_row

from kotacerdas_desktop.demo import fill_demo_city
from kotacerdas_desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Plan:
    """How big and how often: the full run, or --quick."""

    scale: Scale
    starts: int  # cold starts of each program
    rounds: int  # rounds through every dimension
    saves: int
    runs: int  # repeats of the other workloads


FULL = Plan(Scale(), starts=7, rounds=5, saves=1000, runs=3)
QUICK = Plan(Scale(agencies=4, years=2, files=1), starts=2, rounds=1, saves=100, runs=1)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> str:
    load = " / ".join(f"{n:.1f}" for n in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {platform.platform()}, {os.cpu_count()} CPUs, "
        f"load average {load}, Python {platform.python_version()}, PySide6 {version('PySide6-Essentials')}"
    )


def prepare(folder: Path, plan: Plan, city_file: Path | None) -> tuple[Path, Path]:
    """The demo city and the big city, each opened once (the day's backup is not timed)."""
    demo = folder / "demo.sqlite"
    with Store.open(demo) as store:
        fill_demo_city(store, this_year=2026)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    city = folder / "city.sqlite"
    if city_file is not None:
        shutil.copyfile(city_file, city)
    else:
        say(f"generating {plan.scale.describe()} …")
        generate(city, plan.scale)
    for path in (demo, city):
        Store.open(path).close()
    return demo, city


def measure_all(folder: Path, plan: Plan, city_file: Path | None, dist: Path) -> list[Row]:
    demo, city = prepare(folder, plan, city_file)
    with Store.open(city) as store:
        agencies = len(store.agencies.list())
        years = len({a.year for a in store.assessments.list()})
    label = f"{agencies} agencies x {years} years"
    rows: list[Row] = []
    say("cold starts …")
    rows += cold_start_rows(folder, demo, dist, plan.starts)
    say("dimension switch …")
    rows.append(switch_row(folder, demo, plan.rounds))
    say("autosave …")
    rows.append(autosave_row(folder, plan.saves))
    say("sheets …")
    sheets, single_sheet = sheet_rows(folder, city, plan.runs, agencies)
    rows += sheets
    say("packages …")
    rows.append(import_row(folder, city, plan.runs))
    say("recap …")
    rows += recap_rows(folder, city, plan.runs, single_sheet, label)
    say("city view and memory …")
    view, memory = city_rows(folder, city, plan.runs, label)
    say("planner …")
    rows += [view, planner_row(city, plan.runs), memory]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--city", type=Path, help="a generated city database to use (copied)")
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="a frozen build's folder (if any)"
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    heading = machine()
    with tempfile.TemporaryDirectory(prefix="kotacerdas-bench-") as tmp:
        rows = measure_all(Path(tmp), plan, args.city, args.dist.resolve())
    print(f"{heading}{' (--quick)' if args.quick else ''}\n")
    print_table(rows, markdown=args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
