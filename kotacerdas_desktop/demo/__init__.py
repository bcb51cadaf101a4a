"""A realistic demo city, so a new user sees a living app at once (`kotacerdas demo`).

Ten agencies of a city like Kota Mojokerto, each with its own address and its
own three signatories, and two assessment years: last year finalized on the
catalogue version before the newest (as a city that upgraded would have it,
so last year's answers show beside the form through ``replaces``), this year
a draft most of the way done on the newest version. Everything comes from a
seeded generator, so the same call always builds the same city. The
benchmarks use the same answers at city scale (``fill_city``, demo/city.py).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from kotacerdas_desktop.demo.agencies import AGENCIES, CITY
from kotacerdas_desktop.demo.city import CitySummary, fill_city
from kotacerdas_desktop.demo.fill import fill_assessment
from kotacerdas_desktop.demo.people import People
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.assessments import DEFAULT_FRAMEWORK

__all__ = ["CitySummary", "DemoSummary", "fill_city", "fill_demo_city"]

# The classification code of the evaluation sheets' numbers (planning and evaluation).
SHEET_CLASSIFICATION = "050"


@dataclass
class DemoSummary:
    agencies: int
    assessments: int
    answers: int


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
