"""The bundled SPBE catalogue follows PermenPANRB 59/2020: 4 domains, 8 aspects, 47 indicators,
the official weights, the five capability level names and the SPBE index predicates."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from kotacerdas_desktop.domain.catalogue import METHOD_DIMENSIONS
from kotacerdas_desktop.domain.catalogue_file import read_catalogue_file
from kotacerdas_desktop.domain.figures import exact
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.scoring import effective_weights, score
from kotacerdas_desktop.resources import bundled_catalogues, resource_path

SPBE_FILE = resource_path("catalogues") / "spbe-2020.1.json"

DOMAIN_WEIGHTS = {"SPBE.D1": 13, "SPBE.D2": 25, "SPBE.D3": 16.5, "SPBE.D4": 45.5}
# Aspect: (weight in the index, number of indicators, their regulation numbers).
ASPECTS = {
    "SPBE.D1.A1": (13, range(1, 11)),
    "SPBE.D2.A2": (10, range(11, 15)),
    "SPBE.D2.A3": (10, range(15, 19)),
    "SPBE.D2.A4": (5, range(19, 21)),
    "SPBE.D3.A5": (12, range(21, 29)),
    "SPBE.D3.A6": (4.5, range(29, 32)),
    "SPBE.D4.A7": (27.5, range(32, 42)),
    "SPBE.D4.A8": (18, range(42, 48)),
}


@pytest.fixture(scope="module")
def spbe():
    return read_catalogue_file(SPBE_FILE)


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(SPBE_FILE.read_text(encoding="utf-8"))


def test_the_bundle_holds_only_the_2020_spbe_file():
    spbe_files = [p.name for p in bundled_catalogues() if p.name.startswith("spbe")]
    assert spbe_files == ["spbe-2020.1.json"]


def test_four_domains_eight_aspects_47_indicators_numbered_as_in_the_regulation(spbe):
    assert [d.code for d in spbe.dimensions] == list(DOMAIN_WEIGHTS)
    assert all(d.kind == "dimension" for d in spbe.dimensions)
    elements = [e for d in spbe.dimensions for e in d.elements]
    assert [e.code for e in elements] == list(ASPECTS)
    for element in elements:
        numbers = ASPECTS[element.code][1]
        assert [i.code for i in element.indicators] == [f"{element.code}.{n:02d}" for n in numbers]
    assert spbe.indicator_count() == 47


def test_domain_weights_are_the_official_ones_and_sum_to_100(spbe):
    assert {d.code: d.weight for d in spbe.dimensions} == DOMAIN_WEIGHTS
    assert sum(exact(d.weight) for d in spbe.dimensions) == 100


def test_aspect_weights_are_the_official_ones_and_fill_their_domain(spbe):
    for dimension in spbe.dimensions:
        assert {e.code: e.weight for e in dimension.elements} == {
            e.code: ASPECTS[e.code][0] for e in dimension.elements
        }
        assert sum(exact(e.weight) for e in dimension.elements) == exact(dimension.weight)


def test_indicator_weights_fill_their_aspect_equally(spbe):
    for element in (e for d in spbe.dimensions for e in d.elements):
        assert len({i.weight for i in element.indicators}) == 1
        assert sum(exact(i.weight) for i in element.indicators) == exact(element.weight)


def test_each_indicator_counts_its_official_share_of_the_index(spbe):
    everything = {i.code: 3 for i in spbe.indicators()}
    weights = effective_weights(spbe, everything)
    assert weights == {i.code: exact(i.weight) / 100 for i in spbe.indicators()}
    assert weights["SPBE.D1.A1.01"] == Fraction(13, 1000)
    assert weights["SPBE.D4.A7.32"] == Fraction(275, 10000)


def test_index_is_the_weighted_mean_of_domains(spbe):
    # Internal policy at level 5, everything else at level 1: (13 x 5 + 87 x 1) / 100 = 1,52.
    answers = {
        i.code: Answer(i.code, level=5 if i.code.startswith("SPBE.D1.") else 1)
        for i in spbe.indicators()
    }
    report = score(spbe, answers)
    assert report.method == METHOD_DIMENSIONS
    assert report.index == Fraction(152, 100)
    assert report.predicate.label.id == "Kurang"


def test_every_indicator_has_five_distinct_level_descriptions_in_both_languages(spbe):
    for indicator in spbe.indicators():
        assert [level.level for level in indicator.levels] == [1, 2, 3, 4, 5]
        for language in ("id", "en"):
            texts = [level.description.get(language) for level in indicator.levels]
            assert all(texts), indicator.code
            assert len(set(texts)) == 5, (indicator.code, language)


def test_capability_level_names_and_index_predicates_are_official(spbe):
    assert [label.id for label in spbe.level_labels] == [
        "Rintisan",
        "Terkelola",
        "Terdefinisi",
        "Terpadu dan Terukur",
        "Optimum",
    ]
    assert [(p.minimum, p.label.id) for p in spbe.predicates] == [
        (0, "Kurang"),
        (1.8, "Cukup"),
        (2.6, "Baik"),
        (3.5, "Sangat Baik"),
        (4.2, "Memuaskan"),
    ]


def test_service_indicators_name_their_function_capability_levels(spbe):
    services = [i for d in spbe.dimensions if d.code == "SPBE.D4" for i in d.indicators()]
    assert len(services) == 16
    for indicator in services:
        assert [level.label.id for level in indicator.levels] == [
            "Informasi",
            "Interaksi",
            "Transaksi",
            "Kolaborasi",
            "Optimum",
        ]


def test_the_checker_accepts_it_and_the_index_weighs_domains_without_lenses(spbe, raw):
    assert spbe.code == "SPBE" and spbe.version == "2020.1"
    assert spbe.index_method == METHOD_DIMENSIONS
    assert spbe.lenses == ()
    assert raw["index"]["method"] == "dimensions"
    assert "PermenPANRB Nomor 59 Tahun 2020" in spbe.weights_source.id
    assert "Kurang < 1,8" in spbe.predicates_source.id


def test_the_file_cites_permenpanrb_59_2020(raw):
    source = raw["source"]
    assert "Nomor 59 Tahun 2020" in source["id"]
    assert "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik" in source["id"]
    assert "Lampiran" in source["id"]
    assert "No. 59 of 2020" in raw["name"]["en"]


def test_what_could_not_be_confirmed_is_said_where_it_applies(raw):
    description = raw["description"]["id"]
    assert "Yang terkonfirmasi" in description
    assert "tidak dapat dicocokkan langsung dengan teks resmi" in description
    indicators = {
        i["code"]: i for d in raw["dimensions"] for e in d["elements"] for i in e["indicators"]
    }
    # Indicator 3's transcribed levels refer to the wrong level; indicator 9's level 3 was repaired.
    assert "tingkat 2" in indicators["SPBE.D1.A1.03"]["note"]["id"]
    assert "dindarestika/SPBE" in indicators["SPBE.D1.A1.09"]["note"]["id"]
    # The derived weights say so on their domain and aspects.
    internal_policy = raw["dimensions"][0]
    assert "diturunkan" in internal_policy["note"]["id"]
    assert all("diturunkan" in e["note"]["id"] for e in raw["dimensions"][2]["elements"])


def test_levels_are_cumulative_as_the_criteria_say(raw):
    assert "tingkat tertinggi" in raw["level_rule"]["id"]
    indicators = [i for d in raw["dimensions"] for e in d["elements"] for i in e["indicators"]]
    fifth = [i["levels"][4]["description"]["id"] for i in indicators]
    assert all(text.startswith("Kriteria tingkat 4 telah terpenuhi") for text in fifth)
