import copy
import json

import pytest

from kotacerdas_desktop.domain.catalogue_file import (
    load_catalogue_text,
    parse_catalogue,
    read_catalogue_file,
)
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.resources import bundled_catalogues, resource_path


@pytest.fixture(scope="module")
def smartcity_data():
    return json.loads(
        resource_path("catalogues", "smartcity-2026.1.json").read_text(encoding="utf-8")
    )


def test_bundled_smart_city_framework_is_complete():
    catalogue = read_catalogue_file(resource_path("catalogues", "smartcity-2026.1.json"))
    dimensions = [d for d in catalogue.dimensions if d.kind == "dimension"]
    assert [d.code for d in dimensions] == ["GOV", "BRD", "ECO", "LIV", "SOC", "ENV"]
    assert all(len(d.elements) == 3 for d in dimensions)
    assert all(len(e.indicators) >= 4 for d in dimensions for e in d.elements)
    assert sum(1 for d in dimensions for _ in d.indicators()) >= 72
    enablers = catalogue.dimension("ENB")
    assert enablers.kind == "enabler"
    assert len(enablers.elements) == 5
    for indicator in catalogue.indicators():
        assert [lv.level for lv in indicator.levels] == [1, 2, 3, 4, 5]
        assert all(lv.description.id and lv.description.en for lv in indicator.levels)
        assert indicator.question.en
    assert {lens.code: lens.weight for lens in catalogue.lenses} == {
        "baseline": 10,
        "output": 20,
        "outcome": 30,
        "impact": 30,
        "quickwin": 10,
    }


def test_every_bundled_catalogue_is_valid_and_spbe_style_is_expressible():
    catalogues = {c.code: c for c in map(read_catalogue_file, bundled_catalogues())}
    spbe, smart_city = catalogues["SPBE"], catalogues["SMARTCITY"]
    # The official SPBE values are checked in test_spbe_catalogue.py; here: a second
    # framework brings its own level names and domain weights.
    assert [label.id for label in spbe.level_labels] != [
        label.id for label in smart_city.level_labels
    ]
    assert len({d.weight for d in spbe.dimensions}) > 1  # different weights per domain


def test_not_json_names_file_line_and_column():
    with pytest.raises(ValidationError) as info:
        load_catalogue_text('{"format": ', "rusak.json")
    assert "rusak.json bukan JSON yang sah (baris 1" in str(info.value)


def _broken(data, mutate):
    broken = copy.deepcopy(data)
    mutate(broken)
    with pytest.raises(ValidationError) as info:
        parse_catalogue(broken, "katalog.json")
    return str(info.value)


def test_missing_level_is_named_with_its_path(smartcity_data):
    def drop_level(d):
        d["dimensions"][1]["elements"][2]["indicators"][3]["levels"].pop(2)

    message = _broken(smartcity_data, drop_level)
    assert "katalog.json, dimensions[1].elements[2].indicators[3].levels" in message
    assert "level 3 belum ada" in message


def test_repeated_code_is_refused(smartcity_data):
    def repeat(d):
        indicators = d["dimensions"][0]["elements"][0]["indicators"]
        indicators[1]["code"] = indicators[0]["code"]

    assert "dipakai lebih dari sekali" in _broken(smartcity_data, repeat)


def test_negative_weight_is_refused(smartcity_data):
    def negative(d):
        d["dimensions"][2]["elements"][0]["weight"] = -1

    message = _broken(smartcity_data, negative)
    assert "dimensions[2].elements[0].weight" in message
    assert "tidak boleh negatif" in message


def test_undeclared_lens_and_wrong_prefix_are_refused(smartcity_data):
    def lens(d):
        d["dimensions"][0]["elements"][0]["indicators"][0]["lens"] = "vibes"

    def prefix(d):
        d["dimensions"][0]["elements"][0]["indicators"][0]["code"] = "ENV.PRO.99"

    assert 'lensa "vibes" tidak dideklarasikan' in _broken(smartcity_data, lens)
    assert 'harus diawali "GOV.PUB."' in _broken(smartcity_data, prefix)


def test_the_index_method_is_declared_or_follows_the_lenses(smartcity_data):
    assert parse_catalogue(smartcity_data, "k.json").index_method == "lenses"  # all tagged
    untagged = copy.deepcopy(smartcity_data)
    del untagged["dimensions"][0]["elements"][0]["indicators"][0]["lens"]
    assert parse_catalogue(untagged, "k.json").index_method == "dimensions"
    declared = copy.deepcopy(smartcity_data)
    declared["index"] = {
        "method": "dimensions",
        "weights_source": {"id": "PermenPANRB 59/2020"},
        "predicates_source": {"id": "SPBE"},
    }
    catalogue = parse_catalogue(declared, "k.json")
    assert catalogue.index_method == "dimensions"
    assert catalogue.weights_source.id == "PermenPANRB 59/2020"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(index={"method": "median"}), 'index.method: harus "lenses" atau'),
        (
            lambda d: (
                d.update(index={"method": "lenses"}),
                d["dimensions"][0]["elements"][0]["indicators"][0].pop("lens"),
            ),
            "setiap indikator dimensi wajib punya lensa (GOV.PUB.01 belum)",
        ),
        (
            lambda d: (
                d.update(index={"method": "lenses"}),
                [lens.update(weight=0) for lens in d["lenses"]],
            ),
            'metode "lenses" memerlukan lensa dengan bobot lebih dari 0',
        ),
        (
            lambda d: d["dimensions"][0].update(weight=float("inf")),
            "dimensions[0].weight: bobot harus berupa angka terhingga",
        ),
        (
            lambda d: d["dimensions"][0]["elements"][0].update(weight=float("nan")),
            "bobot harus berupa angka terhingga",
        ),
    ],
)
def test_an_index_that_cannot_be_computed_is_refused(smartcity_data, mutate, message):
    assert message in _broken(smartcity_data, mutate)
