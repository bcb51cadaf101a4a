"""Durability figures: crash rounds, the autosave cost of synchronous=FULL, quick_check at open.

- crash test: a writer process saves answers through the store (as the
  autosave does) and prints "ACK n" after each save returns; it is SIGKILLed
  after a random number of acknowledgements, ROUNDS times on one file. After
  each kill the file must pass integrity_check and hold every acknowledged
  save (each save is a unique justification, recorded in the audit trail);
- autosave cost: SAVES answer saves with synchronous=FULL (what the program
  uses) against NORMAL (the reference), p50 and p99 per save;
- quick_check: the cost of the structural check every open makes, on the
  demo city and (--city) on a 60-agency x 5-year city database.

Run: .venv/bin/python benchmarks/durability.py [--city] [--rounds N] [--saves N] [--json] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from kotacerdas_desktop.demo import fill_city, fill_demo_city
from kotacerdas_desktop.domain.model import Agency, Answer
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.database import quick_check

TEXT = "simpan {n}: penjelasan yang diketik operator"


def writer(db: Path, first: int, count: int) -> None:
    """The process that gets killed: ``count`` saves from number ``first``, each acknowledged."""
    with Store.open(db) as store:
        assessment = store.assessments.list()[0]
        codes = [i.code for i in store.assessments.catalogue_of(assessment).indicators()]
        for n in range(first, first + count):
            answer = Answer(codes[n % len(codes)], level=1 + n % 5, justification=TEXT.format(n=n))
            store.assessments.save_answer(assessment.id, answer, actor="crash-test")
            print(f"ACK {n}", flush=True)


def _prepare(db: Path) -> None:
    with Store.open(db) as store:
        store.agencies.add(Agency("UJI", "Dinas Uji Ketahanan"))
        store.assessments.new("UJI", 2026)


def crash_round(db: Path, first: int, count: int, kill_after: int) -> dict:
    """One round: start the writer, SIGKILL it after ``kill_after`` acknowledgements, check the file."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--writer", str(db), str(first), str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )
    acknowledged = []
    assert process.stdout is not None
    for line in process.stdout:
        acknowledged.append(int(line.split()[1]))
        if len(acknowledged) >= kill_after:
            process.kill()  # SIGKILL: no cleanup, no checkpoint, mid-transaction as it happens
            break
    process.wait()
    with closing(sqlite3.connect(db)) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        stored = {
            row[0]
            for row in conn.execute(
                "SELECT new_value FROM audit_log WHERE field = 'justification' AND actor = 'crash-test'"
            )
        }
    found = sum(TEXT.format(n=n) in stored for n in acknowledged)
    return {"acknowledged": len(acknowledged), "found": found, "integrity": integrity}


def crash_test(folder: Path, rounds: int, saves: int, seed: int = 10) -> list[dict]:
    db = folder / "crash.sqlite"
    _prepare(db)
    rng = random.Random(seed)
    return [crash_round(db, n * saves, saves, rng.randint(1, saves - 1)) for n in range(rounds)]


def autosave_cost(folder: Path, synchronous: str, saves: int) -> tuple[float, float]:
    """p50 and p99 seconds of one answer save with the given PRAGMA synchronous."""
    db = folder / f"autosave-{synchronous.lower()}.sqlite"
    _prepare(db)
    with Store.open(db) as store:
        store.db.execute(f"PRAGMA synchronous = {synchronous}")
        assessment = store.assessments.list()[0]
        codes = [i.code for i in store.assessments.catalogue_of(assessment).indicators()]
        samples = []
        for n in range(saves):
            answer = Answer(codes[n % len(codes)], level=1 + n % 5, justification=TEXT.format(n=n))
            start = time.perf_counter()
            store.assessments.save_answer(assessment.id, answer)
            samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.99) - 1)]


def quick_check_cost(db: Path, runs: int = 3) -> tuple[float, float, float]:
    """Seconds of PRAGMA quick_check on a fresh connection (best of ``runs``), of the day's
    first Store.open (it makes the daily backup) and of a later one."""
    checks = []
    for _ in range(runs):
        with closing(sqlite3.connect(db)) as conn:
            start = time.perf_counter()
            assert quick_check(conn) == ["ok"]
            checks.append(time.perf_counter() - start)
    opens = []
    for _ in range(2):
        start = time.perf_counter()
        Store.open(db).close()
        opens.append(time.perf_counter() - start)
    return min(checks), opens[0], opens[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="crash rounds (default 20)")
    parser.add_argument("--saves", type=int, default=1000, help="saves per round and per timing")
    parser.add_argument("--city", action="store_true", help="also a 60-agency x 5-year city")
    parser.add_argument("--crash-only", action="store_true", help="only the crash test")
    parser.add_argument("--json", action="store_true", help="the crash rounds as JSON")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to prove it works")
    parser.add_argument(
        "--writer", nargs=3, metavar=("DB", "FIRST", "COUNT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.writer:
        writer(Path(args.writer[0]), int(args.writer[1]), int(args.writer[2]))
        return
    rounds, saves = (2, 20) if args.smoke else (args.rounds, args.saves)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        crashes = crash_test(folder, rounds, saves)
        if args.json:
            print(json.dumps(crashes))
        if args.crash_only:
            return
        acknowledged = sum(r["acknowledged"] for r in crashes)
        found = sum(r["found"] for r in crashes)
        sound = sum(r["integrity"] == ["ok"] for r in crashes)
        full = autosave_cost(folder, "FULL", saves)
        normal = autosave_cost(folder, "NORMAL", saves)
        demo = folder / "demo.sqlite"
        with Store.open(demo) as store:
            fill_demo_city(store)
        rows = [
            (
                f"crash test: {rounds} rounds x up to {saves} saves, SIGKILL",
                f"{acknowledged} acked / {found} found",
                f"integrity_check ok after {sound} of {rounds} kills",
            ),
            (
                f"autosave, synchronous=FULL, p50 / p99 ({saves} saves)",
                f"{full[0] * 1000:.2f} / {full[1] * 1000:.2f} ms",
                f"{full[0] / normal[0]:.1f}x / {full[1] / normal[1]:.1f}x NORMAL",
            ),
            (
                "autosave, synchronous=NORMAL (reference), p50 / p99",
                f"{normal[0] * 1000:.2f} / {normal[1] * 1000:.2f} ms",
                "",
            ),
        ]
        databases = [("demo city", demo)]
        if args.city:
            city = folder / "city.sqlite"
            with Store.open(city) as store:
                answered = fill_city(store, agencies=60, years=5)
            databases.append((f"city of 60 agencies x 5 years ({answered} answers)", city))
        for name, db in databases:
            check, first, later = quick_check_cost(db)
            rows.append(
                (
                    f"quick_check, {name}",
                    f"{check * 1000:.1f} ms",
                    f"{db.stat().st_size / 1e6:.0f} MB; Store.open {later * 1000:.0f} ms, "
                    f"first of the day with its backup {first * 1000:.0f} ms",
                )
            )
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'figure':>24}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>24}  {note}")


if __name__ == "__main__":
    main()
