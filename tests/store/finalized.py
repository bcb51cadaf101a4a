"""A finalized assessment that holds every kind of stored byte its sheet depends on: answers,
an evidence file, the agency's logo in its snapshot, and its catalogue."""

from __future__ import annotations

import datetime as dt

from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    Agency,
    Answer,
    Assessment,
    Evidence,
    Signatory,
)
from kotacerdas_desktop.store import Store

HEAD = Signatory(ROLE_APPROVED, "Sari Wulandari, S.T.", "197101101998032006", "Pembina (IV/a)")
LOGO = b"\x89PNG logo kota"
EVIDENCE_FILE = b"%PDF-1.4 SK Tim Smart City"
CODE = "GOV.PUB.01"


def finalized_with_files(store: Store) -> Assessment:
    store.agencies.add(
        Agency("DISHUB", "Dinas Perhubungan", signatories={ROLE_APPROVED: HEAD}, logo=LOGO)
    )
    draft = store.assessments.new("DISHUB", dt.date.today().year)
    with store.db.atomic():
        for indicator in store.assessments.catalogue_of(draft).indicators():
            store.assessments.save_answer(
                draft.id, Answer(indicator.code, level=4, justification="Berjalan.")
            )
        store.evidence.add(draft.id, CODE, Evidence("SK Tim"), EVIDENCE_FILE)
    return store.lifecycle.finalize(draft.id)
