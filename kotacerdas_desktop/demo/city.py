"""A city at the scale of a real one, for the benchmarks (benchmarks/generate.py).

Defaults: 60 agencies x 5 years on the newest framework, every indicator
answered, every year but the last finalized. What makes it realistic rather
than merely big:

- justifications of 100 to 3,000 characters (demo/narrative.py);
- evidence files of realistic sizes: a few per assessment, log-normal around
  150 KB (a scanned page or two) between 10 KB and 4 MB, each one distinct;
- revisions: a share of the finalized assessments is reopened, a few answers
  raised, and finalized again, as agencies do after the coordinator's review.

Everything is drawn from one seeded generator, so the same arguments give the
same agencies, answers, texts and file contents (the identifiers and times the
store stamps, and the installation's key, are its own).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, replace

from kotacerdas_desktop.demo.agencies import AGENCIES, CITY
from kotacerdas_desktop.demo.fill import fill_assessment
from kotacerdas_desktop.demo.people import People
from kotacerdas_desktop.domain.model import Agency, Evidence
from kotacerdas_desktop.store import Store

SMALLEST_FILE, LARGEST_FILE, TYPICAL_FILE = 10_000, 4_000_000, 150_000


@dataclass
class CitySummary:
    agencies: int
    assessments: int  # every revision counted
    answers: int
    revisions: int  # finalized assessments reopened and finalized again
    files: int
    file_bytes: int


def file_size(rng: random.Random) -> int:
    """Log-normal around 150 KB, kept between 10 KB and 4 MB."""
    drawn = rng.lognormvariate(math.log(TYPICAL_FILE), 1.0)
    return int(min(LARGEST_FILE, max(SMALLEST_FILE, drawn)))


def attach_files(
    store: Store, assessment_id: int, count: int, rng: random.Random, summary: CitySummary
) -> None:
    """``count`` scanned documents on indicators drawn at random, each file distinct."""
    assessment = store.assessments.get(assessment_id)
    codes = [i.code for i in store.assessments.catalogue_of(assessment).indicators()]
    for number in range(1, count + 1):
        code = rng.choice(codes)
        content = b"%PDF-1.4\n" + rng.randbytes(file_size(rng))
        evidence = Evidence(
            f"Pindaian dokumen pendukung {code} ({number})",
            date=f"{assessment.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            file_name=f"bukti-{code.lower()}-{number}.pdf",
        )
        store.evidence.add(assessment_id, code, evidence, content)
        summary.files += 1
        summary.file_bytes += len(content)


def revise(store: Store, assessment_id: int, rng: random.Random) -> int:
    """Reopen a finalized assessment, raise one to three answers by a level, finalize again;
    returns the new revision's id."""
    draft = store.lifecycle.reopen(assessment_id)
    answers = store.assessments.answers(draft.id)
    raisable = sorted(code for code, a in answers.items() if a.level is not None and a.level < 5)
    for code in rng.sample(raisable, min(len(raisable), rng.randint(1, 3))):
        before = answers[code]
        raised = replace(
            before,
            level=(before.level or 0) + 1,
            justification=f"{before.justification} Revisi setelah reviu koordinator: "
            "bukti tingkat berikutnya sudah lengkap.",
        )
        store.assessments.save_answer(draft.id, raised)
    store.lifecycle.finalize(draft.id)
    return draft.id


def fill_city(
    store: Store,
    agencies: int = 60,
    years: int = 5,
    last_year: int | None = None,
    seed: int = 7,
    files: int = 3,
    revised: float = 0.1,
) -> CitySummary:
    """Add ``agencies`` agencies (OPD01, OPD02, ...) with ``years`` years each, the last a draft.

    ``files``: evidence files per assessment; ``revised``: the share of finalized
    assessments that get a second revision."""
    rng = random.Random(seed)
    people = People(rng)
    last_year = last_year or dt.date.today().year
    summary = CitySummary(agencies, 0, 0, 0, 0, 0)
    for n in range(agencies):
        template = AGENCIES[n % len(AGENCIES)]
        agency = replace(template, name=f"{template.name} {n + 1}")
        code = f"OPD{n + 1:02d}"
        store.agencies.add(
            Agency(code, agency.name, agency.address, CITY, signatories=people.signatories(agency))
        )
        for year in range(last_year - years + 1, last_year + 1):
            assessment = store.assessments.new(code, year)
            summary.assessments += 1
            summary.answers += fill_assessment(
                store,
                assessment.id,
                agency,
                rng,
                share=1.0,
                base=rng.uniform(2, 4.2),
                long_texts=True,
            )
            attach_files(store, assessment.id, files, rng, summary)
            if year == last_year:
                continue
            store.lifecycle.finalize(assessment.id)
            if rng.random() < revised:
                revise(store, assessment.id, rng)
                summary.assessments += 1
                summary.revisions += 1
    return summary
