"""What a reviewer who knows the national framework checks in the bundled catalogues.

Duplicates are found by words: two indicators whose question and guidance
share most of their distinctive words (TF-IDF cosine similarity, so words
every indicator uses, like "OPD" or "data", weigh little) count the same
thing twice. The measure is calibrated on smart city 2026.1, which is kept
byte for byte because signed sheets refer to it: it must find the two
duplicates the review found by their words there, and nothing in any other
catalogue. (The review's third and fourth duplicate pairs share a topic,
not words; they were merged by hand and `replaces` records it.)
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

import pytest

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER, Catalogue
from kotacerdas_desktop.domain.catalogue_file import read_catalogue_file
from kotacerdas_desktop.resources import bundled_catalogues

SIMILAR = 0.6  # cosine at or above this: the two indicators count the same thing
KEPT_AS_SIGNED = {("SMARTCITY", "2026.1")}  # never edited: assessments and signatures use it
KNOWN_DUPLICATES = {
    ("SMARTCITY", "2026.1"): {("GOV.PUB.03", "SOC.COM.02"), ("BRD.BUS.03", "ECO.IND.04")},
}
CATALOGUES = {(c.code, c.version): c for c in map(read_catalogue_file, bundled_catalogues())}
CURRENT_SMART_CITY = [
    c for key, c in CATALOGUES.items() if c.code == "SMARTCITY" and key not in KEPT_AS_SIGNED
]
FUNCTION_WORDS = (
    "yang dan di ke dari untuk dengan atau pada sudah belum telah secara dalam oleh serta opd "
    "itu tersebut sebagai juga lain seperti misalnya termasuk bagi tidak setiap lebih para masih "
    "baru hanya akan dapat adalah atas agar karena maupun antara sesuai melalui kota"
)
STOP = frozenset(FUNCTION_WORDS.split())


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2]


def similar_pairs(catalogue: Catalogue, threshold: float = SIMILAR) -> set[tuple[str, str]]:
    """Indicator pairs whose question and guidance have a TF-IDF cosine at or above the threshold."""
    bags = {
        i.code: Counter(_words(f"{i.question.id} {i.guidance.id}")) for i in catalogue.indicators()
    }
    seen_in = Counter(word for bag in bags.values() for word in bag)
    weights = {
        code: {w: n * math.log(len(bags) / seen_in[w]) for w, n in bag.items()}
        for code, bag in bags.items()
    }
    norms = {code: math.sqrt(sum(x * x for x in v.values())) or 1.0 for code, v in weights.items()}
    pairs = set()
    for a, b in itertools.combinations(weights, 2):
        dot = sum(x * weights[b].get(w, 0.0) for w, x in weights[a].items())
        if dot / (norms[a] * norms[b]) >= threshold:
            pairs.add(tuple(sorted((a, b))))
    return pairs


# Official lists are kept as the regulation words them: the 47 SPBE indicators of PermenPANRB
# 59/2020 are named on one template ("Tingkat Kematangan ..."), and merging them is not ours.
OFFICIAL_LISTS = {("SPBE", "2020.1")}


@pytest.mark.parametrize(
    "key", sorted(set(CATALOGUES) - OFFICIAL_LISTS), ids=lambda key: " ".join(key)
)
def test_no_two_indicators_of_a_catalogue_count_the_same_thing(key):
    expected = {tuple(sorted(pair)) for pair in KNOWN_DUPLICATES.get(key, set())}
    assert similar_pairs(CATALOGUES[key]) == expected


def _content(text: str) -> set[str]:
    return {w for w in _words(text) if w not in STOP}


def _shared(a: str, b: str) -> float:
    wa, wb = _content(a), _content(b)
    return len(wa & wb) / min(len(wa), len(wb))


def test_the_old_level_5_boilerplate_is_what_the_level_5_check_refuses():
    old = CATALOGUES["SMARTCITY", "2026.1"]
    fives = [i.level(5).description.id for i in old.indicators()]
    assert sum("setiap tahun" in text for text in fives) == len(fives)
    assert max(_shared(a, b) for a, b in itertools.combinations(fives, 2)) > SIMILAR


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_every_level_5_is_its_own_checkable_outcome(catalogue):
    fives = {i.code: i.level(5).description.id for i in catalogue.indicators()}
    assert sum("setiap tahun" in text for text in fives.values()) <= len(fives) // 20
    assert sum("dipublikasikan" in text for text in fives.values()) <= len(fives) // 20
    for (a, text_a), (b, text_b) in itertools.combinations(fives.items(), 2):
        assert _shared(text_a, text_b) < SIMILAR, (a, b)


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_levels_are_cumulative_and_every_level_names_its_minimum_evidence(catalogue):
    assert "kumulatif" in catalogue.level_rule.id and "cumulative" in catalogue.level_rule.en
    assert catalogue.source.id and catalogue.source.en
    for indicator in catalogue.indicators():
        for level in indicator.levels:
            assert level.evidence.id and level.evidence.en, (indicator.code, level.level)


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_lenses_tag_the_index_only_and_the_index_says_where_its_numbers_come_from(catalogue):
    for dimension in catalogue.dimensions:
        for indicator in dimension.indicators():
            if dimension.kind == KIND_ENABLER:
                assert indicator.lens is None, indicator.code
            else:
                assert indicator.lens is not None, indicator.code
    used = {
        i.lens for d in catalogue.dimensions if d.kind == KIND_DIMENSION for i in d.indicators()
    }
    assert used == {lens.code for lens in catalogue.lenses}
    assert catalogue.index_method == "lenses"
    assert "berubah antartahun" in catalogue.weights_source.id
    assert "SPBE" in catalogue.predicates_source.id
    assert "kondisi awal dan perbaikannya" in catalogue.lens("baseline").name.id


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_the_words_a_reviewer_stumbled_on_are_gone(catalogue):
    names = {d.code: d.name for d in catalogue.dimensions}
    assert [names[code].en for code in ("GOV", "BRD", "ECO", "LIV", "SOC", "ENV")] == [
        "Smart Governance",
        "Smart Branding",
        "Smart Economy",
        "Smart Living",
        "Smart Society",
        "Smart Environment",
    ]
    glosses = [re.search(r"\((.+)\)", names[code].id).group(1) for code in names if code != "ENB"]
    assert len(set(glosses)) == len(glosses)
    assert "Lingkungan" not in names["LIV"].id and "Pencitraan" not in names["BRD"].id
    assert "(" not in names["ENB"].id  # no "Faktor Pendukung (Enabler) (…)" on the sheet
    texts = [
        text
        for i in catalogue.indicators()
        for text in (i.question, i.guidance, *(lv.description for lv in i.levels))
    ] + [d.description for d in catalogue.dimensions]
    assert not [t.id for t in texts if "dashboard" in t.id.lower()]
    assert not [t.en for t in texts if re.search("sociali[sz]", t.en, re.IGNORECASE)]


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_smart_environment_covers_the_city_services(catalogue):
    environment = " ".join(i.question.id for i in catalogue.dimension("ENV").indicators())
    for topic in (
        "SIPSN",
        "TPS3R",
        "TPA",
        "Indeks Standar Pencemar Udara",
        "air minum",
        "sanitasi",
    ):
        assert topic in environment


@pytest.mark.parametrize("catalogue", CURRENT_SMART_CITY, ids=lambda c: c.version)
def test_the_national_structure_holds(catalogue):
    dimensions = [d for d in catalogue.dimensions if d.kind == KIND_DIMENSION]
    assert [d.code for d in dimensions] == ["GOV", "BRD", "ECO", "LIV", "SOC", "ENV"]
    assert all(len(d.elements) == 3 for d in dimensions)
    assert all(len(e.indicators) >= 3 for d in dimensions for e in d.elements)
    assert len(catalogue.dimension("ENB").elements) == 5
    for indicator in catalogue.indicators():
        assert [lv.level for lv in indicator.levels] == [1, 2, 3, 4, 5]
        assert indicator.question.en and all(lv.description.en for lv in indicator.levels)
