"""A small city in a real file, small enough to compute its recap by hand.

The catalogue is the worked example of docs/scoring.md (two dimensions, two
lenses, one enabler). In 2026 three agencies finalized; DISHUB has only a
draft and DISKOMINFO nothing (both "not sent"); SATPOLPP finalized on the
SPBE-style framework (listed apart). In 2025 BAPPEDA and DINKES finalized,
for the change from last year. No coordinator is set, and two agencies could
be one (BAPPEDA, DISKOMINFO), so none is inferred.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Signatory
from kotacerdas_desktop.store import Store
from tests.factories import answers_of, worked_example_data

CITY = "Kota Contoh"
# Fictional heads with valid NIPs (birth date, appointment month, gender digit, sequence).
HEADS = {
    "BAPPEDA": (
        "Drs. Perencana Sejahtera, M.Si.",
        "197503122000031004",
        "Pembina Utama Muda (IV/c)",
    ),
    "DINKES": ("dr. Sehat Sentosa, M.Kes.", "197601152001122002", "Pembina Tk. I (IV/b)"),
    "DLH": ("Ir. Hijau Lestari, M.T.", "197702202002121003", "Pembina Tk. I (IV/b)"),
    "SATPOLPP": ("Tertib Aman, S.H.", "197803252003121005", "Pembina (IV/a)"),
}
NAMES = {
    "BAPPEDA": "Badan Perencanaan Pembangunan Daerah",
    "DINKES": "Dinas Kesehatan",
    "DLH": "Dinas Lingkungan Hidup & Kebersihan",  # "&" must print as typed
    "DISHUB": "Dinas Perhubungan",
    "DISKOMINFO": "Dinas Komunikasi dan Informatika",
    "SATPOLPP": "Satuan Polisi Pamong Praja",
}
LEVELS_2026 = {
    "BAPPEDA": {"D1.A.1": 4, "D1.A.2": 2, "D1.B.1": 3, "D1.B.2": "na", "D2.A.1": 5, "EN.A.1": 1},
    "DINKES": {"D1.A.1": 2, "D1.B.1": 1, "D2.A.1": 3, "D2.A.2": 4, "EN.A.1": 3},
    "DLH": {"D1.A.1": 5, "D1.B.1": 2, "D1.B.2": 1, "D2.A.2": 2, "EN.A.1": 4},
}
LEVELS_2025 = {
    "BAPPEDA": {code: 3 for code in ("D1.A.1", "D1.A.2", "D1.B.1", "D2.A.1", "D2.A.2", "EN.A.1")},
    "DINKES": {code: 2 for code in ("D1.A.1", "D1.A.2", "D1.B.1", "D2.A.1", "D2.A.2", "EN.A.1")},
}

# The city's level of each indicator, by hand: the mean over the agencies that gave a level.
CITY_LEVELS = {
    "D1.A.1": Fraction(4 + 2 + 5, 3),
    "D1.A.2": Fraction(2),  # DINKES and DLH left it unanswered
    "D1.B.1": Fraction(3 + 1 + 2, 3),
    "D1.B.2": Fraction(1),  # BAPPEDA: not applicable, DINKES: unanswered
    "D2.A.1": Fraction(5 + 3, 2),
    "D2.A.2": Fraction(4 + 2, 2),
    "EN.A.1": Fraction(1 + 3 + 4, 3),
}


def _head(code: str) -> dict[str, Signatory]:
    if code not in HEADS:
        return {}
    name, nip, rank = HEADS[code]
    return {ROLE_APPROVED: Signatory(ROLE_APPROVED, name, nip, rank, "Kepala")}


def _finalize(store: Store, code: str, year: int, levels: dict, framework: str = "CONTOH") -> None:
    assessment = store.assessments.new(code, year, framework)
    for answer in answers_of(levels).values():
        answer.justification = f"Penjelasan {code} {answer.indicator_code}."
        answer.follow_up = f"Rencana {code} {answer.indicator_code}" if answer.level else ""
        store.assessments.save_answer(assessment.id, answer)
    store.lifecycle.finalize(assessment.id, override_reason="sebagian indikator belum dinilai")


def build_small_city(path: Path) -> None:
    with Store.open(path) as store:
        store.catalogues.import_text(json.dumps(worked_example_data()), "contoh.json")
        store.settings.set("city_name", CITY)
        for code, name in NAMES.items():
            store.agencies.add(
                Agency(code, name, f"Jl. Contoh No. {len(code)}", CITY, signatories=_head(code))
            )
        for code, levels in LEVELS_2025.items():
            _finalize(store, code, 2025, levels)
        for code, levels in LEVELS_2026.items():
            _finalize(store, code, 2026, levels)
        store.assessments.new("DISHUB", 2026, "CONTOH")
        spbe = store.assessments.new("SATPOLPP", 2026, "SPBE")
        catalogue = store.assessments.catalogue_of(spbe)
        for indicator in catalogue.indicators():
            store.assessments.save_answer(spbe.id, Answer(indicator.code, level=3))
        store.lifecycle.finalize(spbe.id)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
