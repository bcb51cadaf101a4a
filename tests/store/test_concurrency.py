"""Several programs writing one file: each waits for the write lock instead of failing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.backups import list_backups

pytestmark = pytest.mark.slow

WRITERS = 30


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kotacerdas_desktop", "--db", str(db), *args]


@pytest.fixture
def draft(db_path: Path) -> tuple[Path, list[str]]:
    """A database with agency DLH and its draft #1, ten agencies without an assessment
    (BAG0..BAG9), and the codes of the draft's first indicators."""
    with Store.open(db_path) as store:
        store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
        for n in range(10):
            store.agencies.add(Agency(f"BAG{n}", f"Bagian Uji {n}"))
        assessment = store.assessments.new("DLH", 2026)
        codes = [i.code for i in store.assessments.catalogue_of(assessment).indicators()]
    return db_path, codes


def writer_command(db: Path, n: int, codes: list[str]) -> list[str]:
    """The three commands that used to fail at once: answer, agency add, assessment new."""
    if n % 3 == 0:
        return command(db, "agency", "add", f"BARU{n}", f"Dinas Baru {n}")
    if n % 3 == 1:
        return command(db, "assessment", "new", f"BAG{n // 3}", "2026")
    return command(
        db,
        "assessment",
        "answer",
        "1",
        codes[n],
        "--level",
        "3",
        "--justification",
        f"Penulis {n}",
        "--evidence",
        f"Dokumen {n}",
    )


def test_thirty_command_line_writers_at_once_all_succeed(draft) -> None:
    db, codes = draft
    processes = [
        subprocess.Popen(
            writer_command(db, n, codes), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for n in range(WRITERS)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
    assert [code for code, _, _ in results] == [0] * WRITERS, [err for _, _, err in results]
    assert not any("Traceback" in err for _, _, err in results)
    with closing(sqlite3.connect(db)) as conn:
        answers = dict(conn.execute("SELECT indicator_code, justification FROM answers").fetchall())
        evidence = conn.execute("SELECT count(*) FROM evidence").fetchone()[0]
        agencies = conn.execute("SELECT count(*) FROM agencies WHERE code LIKE 'BARU%'").fetchone()[
            0
        ]
        drafts = conn.execute(
            "SELECT count(*) FROM assessments WHERE agency_code LIKE 'BAG%'"
        ).fetchone()[0]
    assert answers == {codes[n]: f"Penulis {n}" for n in range(WRITERS) if n % 3 == 2}
    assert (evidence, agencies, drafts) == (10, 10, 10)
    assert len(list_backups(db)) == 1  # one daily backup, not one per process


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO audit_log (at, actor, entity, key, field) VALUES ('-', 'holder', 'test', '-', '-')"
    )
    print("LOCKED", flush=True)
    time.sleep(3)
    conn.execute("COMMIT")
    """
)


def test_a_writer_waits_while_another_program_holds_the_lock_for_three_seconds(draft) -> None:
    db, codes = draft
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
    writer = subprocess.run(
        command(db, "assessment", "answer", "1", codes[0], "--level", "4"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert holder.wait(timeout=10) == 0
    assert writer.returncode == 0, writer.stderr
    with closing(sqlite3.connect(db)) as conn:
        order = [
            actor
            for (actor,) in conn.execute(
                "SELECT actor FROM audit_log WHERE entity IN ('test', 'answer') ORDER BY id"
            )
        ]
    # the writer's rows come after the holder's: it waited for the lock, it did not fail
    assert order[0] == "holder" and len(order) > 1
