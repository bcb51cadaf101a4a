"""The demo city could exist: invented people in posts that fit, each agency its own,
and answers whose evidence is what the catalogue asks for the level chosen."""

from __future__ import annotations

import re
from pathlib import Path

from kotacerdas_desktop.demo import fill_demo_city
from kotacerdas_desktop.demo.agencies import AGENCIES, BADAN, BPBD, by_code
from kotacerdas_desktop.demo.answers import evidence_items, for_agency
from kotacerdas_desktop.domain.model import ROLE_APPROVED, ROLE_REVIEWED
from kotacerdas_desktop.domain.nip import check_nip
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot

HERE = Path(__file__).resolve()
# Real people who must never appear as a fictional official: a living academic who is a
# national smart city assessor (the demo once used his name for a head of agency), public
# figures a reader would recognise, and every name the demo used before it generated names
# (some may belong to real officials of the city it imitates).
KNOWN_REAL_PEOPLE = (
    "Sri Yulianto Joko Prasetyo",
    "Joko Widodo",
    "Prabowo Subianto",
    "Sri Mulyani Indrawati",
    "Khofifah Indar Parawansa",
    "Tri Rismaharini",
    "Ridwan Kamil",
    "Budi Arie Setiadi",
    "Meutya Hafid",
    "Abdullah Azwar Anas",
    "Ika Puspitasari",
    "Hadi Poernomo",
    "Ani Wijaya Kusuma",
    "Christiana Indah Wahyu",
    "Mochamad Ridwan Hakim",
    "Agus Suprayitno",
    "Ruby Hartoyo",
    "Yustian Suhandinata",
    "Ririn Dwi Martini",
    "Hendra Ardiansyah",
    "Bambang Soemantri Nugroho",
    "Hadi Purnomo",
    "Lilik Suryaningsih",
    "Dewi Lestari Rahmawati",
    "Muhammad Faisal Akbar",
    "Siti Nur Halimah",
)
NUMBER = re.compile(
    r"^(?P<code>\d{3}(\.\d+)*)/(?P<serial>\d+)/(?P<unit>417\.\d{3})/(?P<year>\d{4})$"
)


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def test_the_demo_and_the_test_data_hold_no_real_name(demo_store: Store):
    everything = _plain(snapshot(demo_store.path))
    assert not [name for name in KNOWN_REAL_PEOPLE if _plain(name) in everything]
    sources = [p for p in HERE.parent.rglob("*.py") if p != HERE]
    for path in sources:
        text = _plain(path.read_text(encoding="utf-8"))
        assert not [name for name in KNOWN_REAL_PEOPLE if _plain(name) in text], path


def test_each_agency_has_its_own_address_and_its_own_three_people(demo_store: Store):
    agencies = demo_store.agencies.list()
    assert len(agencies) == len(AGENCIES)
    assert len({a.address for a in agencies}) == len(agencies)
    people = [s for a in agencies for s in a.signatories.values()]
    assert len(people) == 3 * len(agencies)
    assert len({s.name for s in people}) == len(people)
    assert len({s.nip for s in people}) == len(people)
    for signatory in people:
        check_nip(signatory.nip)


def test_posts_fit_the_agency_and_heads_hold_a_head_rank(demo_store: Store):
    for agency in demo_store.agencies.list():
        kind = by_code(agency.code).kind
        head, reviewer = agency.signatories[ROLE_APPROVED], agency.signatories[ROLE_REVIEWED]
        if kind == BPBD:
            assert head.position.startswith("Kepala Pelaksana ")
        elif kind == BADAN:
            assert head.position.startswith("Kepala Badan ")
            assert reviewer.position == "Sekretaris Badan"
        else:
            assert head.position.startswith("Kepala Dinas ")
            assert reviewer.position == "Sekretaris Dinas"
        assert re.search(r"\(IV/[b-e]\)$", head.rank), head.rank


def test_evidence_is_the_minimum_evidence_of_the_level_and_numbered_as_official_documents(
    demo_store: Store,
):
    numbered = 0
    for agency in AGENCIES:
        draft = demo_store.assessments.current(agency.code, 2026)
        catalogue = demo_store.assessments.catalogue_of(draft)
        assert catalogue.version == "2026.2"
        for code, answer in demo_store.assessments.answers(draft.id).items():
            if answer.not_applicable:
                assert code in answer.na_reason and agency.name in answer.na_reason
                continue
            level = catalogue.indicator(code).level(answer.level)
            asked = {for_agency(item, agency) for item in evidence_items(level.evidence.id)}
            assert {e.title for e in answer.evidence} == asked, code
            assert f"tingkat {answer.level}" in answer.justification
            for evidence in answer.evidence:
                if not evidence.number:
                    continue
                if evidence.number.endswith(f"Tahun {evidence.date[:4]}"):
                    continue  # a regulation: "12 Tahun 2026"
                found = NUMBER.match(evidence.number)
                assert found, evidence.number
                assert found["unit"] == agency.unit_code and found["year"] == evidence.date[:4]
                numbered += 1
    assert numbered > 50


def test_last_year_was_answered_on_the_previous_catalogue_version(demo_store: Store):
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    assert final.is_finalized
    assert demo_store.assessments.catalogue_of(final).version == "2026.1"


def test_the_demo_is_the_same_city_every_time(demo_store: Store, tmp_path: Path):
    def city(store: Store) -> list:
        rows = []
        for agency in store.agencies.list():
            rows.append(
                (
                    agency.code,
                    agency.address,
                    sorted(vars(s).items() for s in agency.signatories.values()),
                )
            )
            for year in (2025, 2026):
                assessment = store.assessments.current(agency.code, year)
                for code, answer in sorted(store.assessments.answers(assessment.id).items()):
                    rows.append(
                        (
                            code,
                            answer.level,
                            answer.justification,
                            answer.na_reason,
                            [(e.title, e.number, e.date) for e in answer.evidence],
                        )
                    )
        return rows

    with Store.open(tmp_path / "again.sqlite") as again:
        fill_demo_city(again, this_year=2026)
        assert city(again) == city(demo_store)
