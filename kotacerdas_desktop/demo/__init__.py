"""A realistic demo city, so a new user sees a living app at once (`kotacerdas demo`).

Ten agencies of a city like Kota Mojokerto, each with its own address and its
own three signatories, and two assessment years: last year finalized on the
catalogue version before the newest (as a city that upgraded would have it,
so last year's answers show beside the form through ``replaces``), this year
a draft most of the way done on the newest version. Everything comes from a
seeded generator, so the same call always builds the same city. The
benchmarks use the same generator at city scale (``fill_city``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from kotacerdas_desktop.demo.agencies import AGENCIES, CITY, DemoAgency
from kotacerdas_desktop.demo.answers import make_answer
from kotacerdas_desktop.demo.people import People
from kotacerdas_desktop.domain.model import ROLE_PREPARED, Agency, Evidence
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.assessments import DEFAULT_FRAMEWORK

__all__ = ["DemoSummary", "fill_city", "fill_demo_city"]

# The classification code of the evaluation sheets' numbers (planning and evaluation).
SHEET_CLASSIFICATION = "050"


@dataclass
class DemoSummary:
    agencies: int
    assessments: int
    answers: int


def fill_assessment(
    store: Store,
    assessment_id: int,
    agency: DemoAgency,
    rng: random.Random,
    share: float,
    base: float,
) -> int:
    """Answer about ``share`` of the indicators in one transaction; returns how many were answered."""
    assessment = store.assessments.get(assessment_id)
    actor = store.agencies.get(assessment.agency_code).signatories[ROLE_PREPARED].name
    catalogue = store.assessments.catalogue_of(assessment)
    count = 0
    with store.db.atomic():
        for dimension in catalogue.dimensions:
            for element in dimension.elements:
                for indicator in element.indicators:
                    if rng.random() > share:
                        continue
                    answer = make_answer(rng, indicator, element, agency, assessment.year, base)
                    store.assessments.save_answer(assessment_id, answer, actor=actor)
                    for evidence in answer.evidence:
                        store.evidence.add(assessment_id, indicator.code, evidence, actor=actor)
                    count += 1
    return count


def previous_version(store: Store) -> str | None:
    """The framework version imported before the newest one (None when there is only one)."""
    versions = [c.version for c in store.catalogues.list() if c.code == DEFAULT_FRAMEWORK]
    return versions[-2] if len(versions) > 1 else None


def fill_demo_city(store: Store, this_year: int | None = None, seed: int = 2026) -> DemoSummary:
    """Add the demo agencies (skipping codes that exist) with last year finalized and this year in progress."""
    rng = random.Random(seed)
    people = People(rng)
    this_year = this_year or dt.date.today().year
    store.settings.set("city_name", store.settings.get("city_name") or CITY)
    last_version = previous_version(store)
    agencies = assessments = answers = 0
    for agency in AGENCIES:
        signatories = people.signatories(agency)  # drawn for every agency: the city stays the same
        if store.agencies.find(agency.code) is not None:
            continue
        store.agencies.add(
            Agency(
                agency.code,
                agency.name,
                agency.address,
                CITY,
                signatories=signatories,
                classification_code=SHEET_CLASSIFICATION,
                unit_code=agency.unit_code,
            )
        )
        agencies += 1
        base = rng.uniform(2.2, 4.0)
        last = store.assessments.new(agency.code, this_year - 1, version=last_version)
        answers += fill_assessment(store, last.id, agency, rng, share=1.0, base=base - 0.4)
        store.lifecycle.finalize(last.id)
        current = store.assessments.new(agency.code, this_year)
        answers += fill_assessment(
            store, current.id, agency, rng, share=rng.uniform(0.6, 0.95), base=base
        )
        assessments += 2
    return DemoSummary(agencies, assessments, answers)


def fill_city(
    store: Store, agencies: int = 60, years: int = 5, last_year: int | None = None, seed: int = 7
) -> int:
    """A city at scale for benchmarks: every indicator answered, an attachment each.

    Every year but the last is finalized; returns the number of answers written.
    """
    rng = random.Random(seed)
    people = People(rng)
    last_year = last_year or dt.date.today().year
    attachment = b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(200_000))
    answered = 0
    for n in range(agencies):
        template = AGENCIES[n % len(AGENCIES)]
        agency = replace(template, name=f"{template.name} {n + 1}")
        code = f"OPD{n + 1:02d}"
        store.agencies.add(
            Agency(code, agency.name, agency.address, CITY, signatories=people.signatories(agency))
        )
        for year in range(last_year - years + 1, last_year + 1):
            assessment = store.assessments.new(code, year)
            answered += fill_assessment(
                store, assessment.id, agency, rng, share=1.0, base=rng.uniform(2, 4.2)
            )
            first = next(store.assessments.catalogue_of(assessment).indicators()).code
            store.evidence.add(
                assessment.id,
                first,
                Evidence("Laporan kegiatan (PDF)", file_name="laporan.pdf"),
                attachment,
            )
            if year != last_year:
                store.lifecycle.finalize(assessment.id)
    return answered
