"""Generate a realistic city database at a chosen scale, for the benchmarks or to try the app.

    .venv/bin/python benchmarks/generate.py --out kota-besar.sqlite
    .venv/bin/python benchmarks/generate.py --out kecil.sqlite --agencies 6 --years 2 --seed 3

Defaults: 60 agencies x 5 years (the last a draft, the others finalized) on the
newest framework, every indicator answered, justifications of 100 to 3,000
characters, 3 evidence files per assessment of realistic sizes (10 KB to 4 MB,
typically 150 KB), and 10 % of the finalized assessments revised once
(kotacerdas_desktop/demo/city.py). The same arguments and seed give the same
city. The file is new: an existing file is never touched. Open it in the app
with `kotacerdas --db FILE` (Kota > Gambaran kota shows the city picture).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.demo import CitySummary, fill_city
from kotacerdas_desktop.store import Store


@dataclass(frozen=True)
class Scale:
    agencies: int = 60
    years: int = 5
    last_year: int | None = None  # default: this year
    seed: int = 7
    files: int = 3
    revised: float = 0.1

    def describe(self) -> str:
        return f"{self.agencies} agencies x {self.years} years"


def generate(path: Path, scale: Scale) -> CitySummary:
    """Write the city into a new database file; everything is checkpointed into the file."""
    if path.exists():
        raise FileExistsError(f"{path} exists already; give a new file name")
    with Store.open(path) as store:
        summary = fill_city(
            store,
            agencies=scale.agencies,
            years=scale.years,
            last_year=scale.last_year,
            seed=scale.seed,
            files=scale.files,
            revised=scale.revised,
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return summary


def justification_lengths(path: Path) -> list[int]:
    with Store.open(path) as store:
        return [
            row[0]
            for row in store.db.execute(
                "SELECT length(justification) FROM answers WHERE level IS NOT NULL"
            )
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    defaults = Scale()
    parser.add_argument("--out", type=Path, required=True, help="the new database file")
    parser.add_argument("--agencies", type=int, default=defaults.agencies)
    parser.add_argument("--years", type=int, default=defaults.years)
    parser.add_argument("--last-year", type=int, help="the draft year (default: this year)")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument(
        "--files", type=int, default=defaults.files, help="evidence files per assessment"
    )
    parser.add_argument(
        "--revised",
        type=float,
        default=defaults.revised,
        help="share of finalized assessments revised once",
    )
    args = parser.parse_args(argv)
    scale = Scale(args.agencies, args.years, args.last_year, args.seed, args.files, args.revised)
    start = time.perf_counter()
    try:
        summary = generate(args.out, scale)
    except FileExistsError as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    lengths = justification_lengths(args.out)
    print(
        f"{args.out}: {scale.describe()}, {summary.assessments} assessments "
        f"({summary.revisions} revised), {summary.answers:,} answers, "
        f"{summary.files} files ({summary.file_bytes / 1e6:.0f} MB); "
        f"justifications {min(lengths)}-{max(lengths)} characters, median "
        f"{statistics.median(lengths):.0f}; file {args.out.stat().st_size / 1e6:.0f} MB, "
        f"made in {seconds:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
