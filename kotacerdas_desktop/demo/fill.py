"""Answering one assessment with generated answers: what the demo city and the city at scale share."""

from __future__ import annotations

import random

from kotacerdas_desktop.demo.agencies import DemoAgency
from kotacerdas_desktop.demo.answers import make_answer
from kotacerdas_desktop.demo.narrative import lengthened
from kotacerdas_desktop.domain.model import ROLE_PREPARED
from kotacerdas_desktop.store import Store


def fill_assessment(
    store: Store,
    assessment_id: int,
    agency: DemoAgency,
    rng: random.Random,
    share: float,
    base: float,
    long_texts: bool = False,
) -> int:
    """Answer about ``share`` of the indicators in one transaction; returns how many were answered.

    ``long_texts``: justifications of 100 to 3,000 characters (log-uniform, as real ones
    run from a line to a page) instead of the demo's two or three sentences."""
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
                    if long_texts and answer.level is not None:
                        answer.justification = lengthened(answer, indicator, agency, rng)
                    store.assessments.save_answer(assessment_id, answer, actor=actor)
                    for evidence in answer.evidence:
                        store.evidence.add(assessment_id, indicator.code, evidence, actor=actor)
                    count += 1
    return count
