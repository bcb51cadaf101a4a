"""Time the coordinator's recap in every format on a city at scale and print a table.

- a city of 60 agencies x 5 years, every indicator answered (the store
  benchmark's generator, demo.fill_city); the recap is of the newest
  finalized year, so last year's picture is read too;
- the city picture alone (read every counted assessment and score it);
- `kotacerdas recap` as PDF on A4 and F4, as XLSX and as CSV, and
  `kotacerdas register`, each from the store to the file;
- the reference, measured in the same run: one agency's evaluation sheet of
  the same year (the document a coordinator already knows the wait for).

Target from the issue: each recap format under 5 s for 60 agencies.

Run: .venv/bin/python benchmarks/recap_timing.py [--agencies N] [--years N] [--runs N] [--smoke]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sheet_timing import timed  # this folder: the scripts run as files

from kotacerdas_desktop.demo import fill_city
from kotacerdas_desktop.reports.recap import write_recap
from kotacerdas_desktop.reports.register import write_register
from kotacerdas_desktop.reports.sheet import write_sheet
from kotacerdas_desktop.store import Store

TARGET_SECONDS = 5.0
COORDINATOR = "OPD01"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--smoke", action="store_true", help="a tiny city, one run each")
    args = parser.parse_args()
    agencies, years, runs = (3, 2, 1) if args.smoke else (args.agencies, args.years, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "kota.sqlite") as store:
            start = time.perf_counter()
            answered = fill_city(store, agencies=agencies, years=years)
            built = time.perf_counter() - start
            year = store.city.years()[0]
            rows = [(f"build {agencies} agencies x {years} years", built, f"{answered} answers")]
            seconds, picture = timed(lambda: store.city.picture(year), runs)
            counted = len(picture.entries)
            rows.append((f"city picture {year} ({counted} agencies)", seconds, ""))
            sheet = store.assessments.current(COORDINATOR, year)
            write_sheet(store, sheet.id, folder / "warm.pdf")  # fonts loaded once, not timed
            reference, _ = timed(lambda: write_sheet(store, sheet.id, folder / "ref.pdf"), runs)
            for name, paper in (("rekap.pdf", "a4"), ("rekap-f4.pdf", "f4"),
                                ("rekap.xlsx", "a4"), ("rekap.csv", "a4")):  # fmt: skip
                seconds, written = timed(
                    lambda name=name, paper=paper: write_recap(
                        store, year, folder / name, paper, COORDINATOR
                    ),
                    runs,
                )
                pages = f", {written.pages} pages {paper.upper()}" if written.pages else ""
                verdict = "ok" if seconds < TARGET_SECONDS else "OVER"
                rows.append(
                    (
                        f"recap {Path(name).suffix[1:].upper()}{pages}",
                        seconds,
                        f"{written.size / 1024:.0f} KB; {seconds / reference:.1f}x the "
                        f"reference; target < {TARGET_SECONDS:.0f} s: {verdict}",
                    )
                )
            seconds, register = timed(
                lambda: write_register(store, year, folder / "rtl.xlsx", below=3), runs
            )
            rows.append(("follow-up register XLSX", seconds, f"{len(register.rows)} rows"))
            rows.append(("reference: one agency's sheet PDF", reference, ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'seconds':>8}  note")
    for name, seconds, note in rows:
        print(f"{name.ljust(width)}  {seconds:8.2f}  {note}")


if __name__ == "__main__":
    main()
