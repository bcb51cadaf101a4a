"""The crash test: a save that was reported is on the disk, whenever the program is killed.

A writer process saves answers through the store (as the autosave does) and
prints "ACK n" after each save returns; it is SIGKILLed after a random number
of acknowledgements, ROUNDS times on one file. After each kill the file must
pass integrity_check and hold every acknowledged save (each save is a unique
justification, recorded in the audit trail). What a save costs with this
durability is a row of benchmarks/run.py.

Run: .venv/bin/python benchmarks/durability.py [--rounds N] [--saves N] [--json] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from kotacerdas_desktop.domain.model import Agency, Answer
from kotacerdas_desktop.store import Store

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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="crash rounds (default 20)")
    parser.add_argument("--saves", type=int, default=1000, help="saves per round at most")
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
        crashes = crash_test(Path(tmp), rounds, saves)
    if args.json:
        print(json.dumps(crashes))
        return
    acknowledged = sum(r["acknowledged"] for r in crashes)
    found = sum(r["found"] for r in crashes)
    sound = sum(r["integrity"] == ["ok"] for r in crashes)
    print(
        f"crash test: {rounds} rounds x up to {saves} saves, SIGKILL: {acknowledged} acked / "
        f"{found} found; integrity_check ok after {sound} of {rounds} kills"
    )


if __name__ == "__main__":
    main()
