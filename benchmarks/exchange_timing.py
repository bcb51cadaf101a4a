"""Time the coordinator's exchange workloads and print a table.

- export every agency's finalized assessment of one year, one package each;
- import them all in one go into an empty coordinator database (each package
  verified completely, then written in its own transaction);
- import the same folder again (every package "already here");
- build the city picture of that year from the imported assessments.
The reference is a plain copy of the same package files in the same run.

Run: .venv/bin/python benchmarks/exchange_timing.py [--agencies 60] [--smoke]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from measure import print_rows  # benchmarks/measure.py, beside this script

from kotacerdas_desktop.demo import fill_city
from kotacerdas_desktop.exchange.export import export_package, package_file_name
from kotacerdas_desktop.exchange.importer import import_packages
from kotacerdas_desktop.store import Store


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument(
        "--smoke", action="store_true", help="3 agencies, to prove the script works"
    )
    args = parser.parse_args()
    agencies = 3 if args.smoke else args.agencies
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        packages = folder / "usb"
        packages.mkdir()
        with Store.open(folder / "agencies.sqlite") as store:
            built, _ = timed(lambda: fill_city(store, agencies=agencies, years=2, last_year=2026))
            finals = [a for a in store.assessments.list(year=2025) if a.is_finalized]
            exported, _ = timed(
                lambda: [
                    export_package(store, a.id, packages / package_file_name(a)) for a in finals
                ]
            )
        size = sum(p.stat().st_size for p in packages.iterdir())
        copied, _ = timed(lambda: shutil.copytree(packages, folder / "copy"))
        with Store.open(folder / "coordinator.sqlite") as coordinator:
            imported, outcomes = timed(lambda: import_packages(coordinator, [packages]))
            assert all(o.stored for o in outcomes), [o.reason for o in outcomes if not o.stored]
            again, repeats = timed(lambda: import_packages(coordinator, [packages]))
            assert all(o.outcome == "already" for o in repeats)
            pictured, picture = timed(lambda: coordinator.city.picture(2025))
            assert picture is not None and len(picture.entries) == agencies
    rows = [
        (f"build {agencies} agencies x 2 years", f"{built:.1f} s", "setup"),
        (f"export {len(finals)} packages", f"{exported:.2f} s", f"{size / 1e6:.1f} MB in all"),
        (
            f"import {len(finals)} packages (empty coordinator)",
            f"{imported:.2f} s",
            f"{imported / copied:.0f}x a plain copy ({copied * 1000:.0f} ms); target < 5 s",
        ),
        ("import the same packages again", f"{again:.2f} s", "every one 'already here'"),
        ("city picture of the year", f"{pictured * 1000:.0f} ms", ""),
    ]
    print_rows(rows)


if __name__ == "__main__":
    main()
