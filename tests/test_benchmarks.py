"""The benchmarks work: the generator makes the city it promises, and the one table runs.

Timings are never judged here (CI machines are noisy); a benchmark that fails
to run, or a row that goes missing, fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kotacerdas_desktop.demo import fill_city
from kotacerdas_desktop.store import Store

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
ROWS = (
    "cold start to a usable form",
    "switch dimension",
    "autosave one answer",
    "one agency's evaluation sheet",
    "sheet --all for 4 agencies",
    "import 4 packages",
    "recap PDF, 4 agencies x 2 years",
    "recap XLSX, 4 agencies x 2 years",
    "open 4 agencies x 2 years and show the city view",
    "city-wide planner",
    "peak memory of the GUI",
)


def script(name: str, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def city_contents(path: Path) -> dict:
    """What the seed decides: agencies, answers and their texts, evidence files by hash."""
    with Store.open(path) as store:
        return {
            "agencies": list(store.db.execute("SELECT code, name FROM agencies ORDER BY code")),
            "answers": list(
                store.db.execute(
                    "SELECT a.agency_code, a.year, a.revision, x.indicator_code, x.level, "
                    "x.justification, x.follow_up FROM answers x JOIN assessments a "
                    "ON a.id = x.assessment_id ORDER BY 1, 2, 3, 4"
                )
            ),
            "files": list(store.db.execute("SELECT sha256, size FROM attachments ORDER BY 1")),
        }


def test_the_run_prints_every_row_of_the_issue_in_one_table():
    done = script("run.py", "--quick", "--dist", "no-build-here", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("workload"))
    for column in ("min", "median", "reference", "ratio", "target", "verdict"):
        assert column in header.split()
    for row in ROWS:
        line = next((line for line in lines if line.startswith(row)), None)
        assert line is not None, row
        assert line.split()[-1] in ("met", "MISSED", "–"), line
    assert not any(line.startswith("cold start, frozen") for line in lines)


def test_the_crash_test_runs():
    done = script("durability.py", "--smoke")
    assert done.returncode == 0, done.stderr
    assert "2 rounds x up to 20 saves" in done.stdout
    assert "integrity_check ok after 2 of 2 kills" in done.stdout


def test_the_generated_city_is_realistic_and_the_same_for_the_same_seed(tmp_path: Path):
    paths = [tmp_path / f"city{n}.sqlite" for n in range(3)]
    summaries = []
    for path, seed in zip(paths, (5, 5, 6), strict=True):
        with Store.open(path) as store:
            summaries.append(
                fill_city(store, agencies=2, years=3, last_year=2026, seed=seed, revised=0.5)
            )
    first, same, other = (city_contents(p) for p in paths)
    assert first == same
    assert first["answers"] != other["answers"]
    summary = summaries[0]
    assert summary.revisions > 0 and summary.assessments == 6 + summary.revisions
    assert summary.files == 3 * summary.assessments - 3 * summary.revisions
    with Store.open(paths[0]) as store:
        assessments = store.assessments.list()
        drafts = [a for a in assessments if not a.is_finalized]
        assert [(a.year, a.revision) for a in drafts] == [(2026, 1), (2026, 1)]
        revised = [a for a in assessments if a.revision == 2]
        assert len(revised) == summary.revisions and all(a.is_finalized for a in revised)
        for assessment in assessments:
            catalogue = store.assessments.catalogue_of(assessment)
            answers = store.assessments.answers(assessment.id)
            assert all(answers[i.code].is_answered for i in catalogue.indicators())
        lengths = [
            row[0]
            for row in store.db.execute(
                "SELECT length(justification) FROM answers WHERE level IS NOT NULL"
            )
        ]
        sizes = [row[0] for row in store.db.execute("SELECT size FROM attachments")]
    assert min(lengths) >= 100 and max(lengths) <= 3000
    assert max(lengths) > 1500 and sorted(lengths)[len(lengths) // 2] < 1000
    assert len(sizes) == summary.files and all(10_000 <= s <= 4_000_010 for s in sizes)


def test_generate_makes_a_new_file_and_never_touches_an_existing_one(tmp_path: Path):
    out = tmp_path / "kota.sqlite"
    done = script(
        "generate.py", "--out", str(out), "--agencies", "1", "--years", "1", "--files", "1"
    )
    assert done.returncode == 0, done.stderr
    assert "1 agencies x 1 years, 1 assessments" in done.stdout
    with Store.open(out) as store:
        assert [a.code for a in store.agencies.list()] == ["OPD01"]
    before = out.read_bytes()
    again = script("generate.py", "--out", str(out), "--agencies", "1", "--years", "1")
    assert again.returncode == 2
    assert "exists already" in again.stderr
    assert out.read_bytes() == before
