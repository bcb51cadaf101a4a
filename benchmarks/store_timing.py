"""Time the store's real workloads and print a table.

- answer 1,000 indicators through the store API (each save its own transaction,
  as the GUI's autosave does), against a bare sqlite3 INSERT of the same rows
  in the same run (the reference);
- open a database of the demo city (Store.open: checks, migrations, catalogue import)
  and score every assessment in it;
- optionally (--city) a city at scale: 60 agencies x 5 years with every indicator answered.

Run: .venv/bin/python benchmarks/store_timing.py [--city] [--smoke]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kotacerdas_desktop.demo import fill_city, fill_demo_city
from kotacerdas_desktop.domain.model import Agency, Answer
from kotacerdas_desktop.store import Store


def _answers(store: Store, count: int) -> list[tuple[int, Answer]]:
    """``count`` answers spread over as many assessments as needed."""
    pairs: list[tuple[int, Answer]] = []
    n = 0
    while len(pairs) < count:
        n += 1
        store.agencies.add(Agency(f"BENCH{n}", f"Dinas Uji {n}"))
        assessment = store.assessments.new(f"BENCH{n}", 2026)
        for indicator in store.assessments.catalogue_of(assessment).indicators():
            pairs.append(
                (assessment.id, Answer(indicator.code, level=3, justification="Uji kinerja " * 20))
            )
    return pairs[:count]


def time_answers(folder: Path, count: int) -> dict[str, float]:
    with Store.open(folder / "answers.sqlite") as store:
        pairs = _answers(store, count)
        samples = []
        start = time.perf_counter()
        for assessment_id, answer in pairs:
            t0 = time.perf_counter()
            store.assessments.save_answer(assessment_id, answer, actor="bench")
            samples.append(time.perf_counter() - t0)
        total = time.perf_counter() - start
    conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE a (id INTEGER, code TEXT, level INTEGER, justification TEXT, PRIMARY KEY (id, code))"
    )
    start = time.perf_counter()
    for assessment_id, answer in pairs:
        conn.execute(
            "INSERT INTO a VALUES (?, ?, ?, ?)",
            [assessment_id, answer.indicator_code, 3, answer.justification],
        )
    bare = time.perf_counter() - start
    conn.close()
    samples.sort()
    return {
        "total": total,
        "bare": bare,
        "p50": statistics.median(samples),
        "p99": samples[int(len(samples) * 0.99) - 1],
    }


def time_open(path: Path) -> tuple[float, float]:
    start = time.perf_counter()
    store = Store.open(path)
    opened = time.perf_counter() - start
    for assessment in store.assessments.list():
        store.assessments.scores(assessment.id)
    scored = time.perf_counter() - start
    store.close()
    return opened, scored


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--city", action="store_true", help="also build and open a 60-agency, 5-year city"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="tiny sizes, to prove the script works"
    )
    args = parser.parse_args()
    count = 50 if args.smoke else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        answers = time_answers(folder, count)
        demo = folder / "demo.sqlite"
        start = time.perf_counter()
        with Store.open(demo) as store:
            fill_demo_city(store)
        built = time.perf_counter() - start
        opened, scored = time_open(demo)
        rows = [
            (
                f"answer {count} indicators (store API)",
                f"{answers['total']:.3f} s",
                f"{answers['total'] / answers['bare']:.1f}x bare sqlite3 ({answers['bare']:.3f} s)",
            ),
            (
                "  one save, p50 / p99",
                f"{answers['p50'] * 1000:.2f} / {answers['p99'] * 1000:.2f} ms",
                "target p99 < 5 ms",
            ),
            ("build the demo city", f"{built:.2f} s", ""),
            ("open the demo city", f"{opened * 1000:.1f} ms", ""),
            ("open + score every assessment", f"{scored * 1000:.1f} ms", ""),
        ]
        if args.city:
            city = folder / "city.sqlite"
            start = time.perf_counter()
            with Store.open(city) as store:
                answered = fill_city(store, agencies=60, years=5)
            rows.append(
                (
                    f"build a city: 60 agencies x 5 years ({answered} answers)",
                    f"{time.perf_counter() - start:.1f} s",
                    f"{city.stat().st_size / 1e6:.0f} MB",
                )
            )
            opened, scored = time_open(city)
            rows.append(("open the city", f"{opened * 1000:.1f} ms", ""))
            rows.append(("open + score every assessment (300)", f"{scored:.2f} s", ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'time':>18}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>18}  {note}")


if __name__ == "__main__":
    main()
