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
from tests.factories import tiny_catalogue_data
from tests.helpers import snapshot


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
    assert "tingkat 3 belum ada" in message


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
            "dimensions[0].weight: harus berupa angka terhingga",
        ),
        (
            lambda d: d["dimensions"][0]["elements"][0].update(weight=float("nan")),
            "dimensions[0].elements[0].weight: harus berupa angka terhingga",
        ),
    ],
)
def test_an_index_that_cannot_be_computed_is_refused(smartcity_data, mutate, message):
    assert message in _broken(smartcity_data, mutate)


def _with_extensions() -> dict:
    """The tiny catalogue with every optional key of the format filled in."""
    data = tiny_catalogue_data()
    data["source"] = {"id": "PermenPANRB 59/2020", "en": "Regulation 59/2020"}
    data["level_rule"] = {"id": "Pilih tingkat tertinggi yang terpenuhi.", "en": "Highest met."}
    first = data["dimensions"][0]["elements"][0]["indicators"][0]
    first["replaces"] = ["OLD.1", "OLD.2"]
    first["note"] = {"id": "Teks resmi belum dapat dikonfirmasi.", "en": "Not confirmed."}
    first["levels"][2]["evidence"] = {"id": "SK; SOP", "en": "Decree; procedure"}
    return data


def test_the_optional_keys_are_read_into_the_model():
    catalogue = parse_catalogue(_with_extensions(), "k.json")
    assert catalogue.source.id == "PermenPANRB 59/2020"
    assert catalogue.level_rule.en == "Highest met."
    first = catalogue.indicator("A.X.1")
    assert first.replaces == ("OLD.1", "OLD.2")
    assert first.note.id.startswith("Teks resmi")
    assert first.level(3).evidence.id == "SK; SOP"
    assert first.level(2).evidence.id == ""
    assert catalogue.indicator("A.X.2").replaces == ()


@pytest.mark.parametrize(
    ("place", "change", "problem"),
    [
        ((), {"source": "Permen"}, "harus berupa teks dwibahasa"),
        ((), {"level_rule": {"en": "only English"}}, 'dengan "id" terisi'),
        ((0, 0, 2), {"evidence": 5}, "harus berupa teks dwibahasa"),
        ((0, 1), {"note": []}, "harus berupa teks dwibahasa"),
        ((0, 0), {"replaces": "OLD.1"}, "harus berupa daftar kode"),
        ((0, 0), {"replaces": ["OLD.1", "old 2"]}, "[1]: harus berupa kode indikator"),
        ((1, 0), {"replaces": ["A.Y.1"]}, '[0]: kode "A.Y.1" masih dipakai di versi ini'),
        ((1, 0), {"replaces": ["OLD.2"]}, '[0]: kode lama "OLD.2" sudah dilanjutkan oleh A.X.1'),
        ((0, 0), {"replaces": ["OLD.1", "OLD.1"]}, '[1]: kode lama "OLD.1" sudah dilanjutkan'),
    ],
)
def test_a_wrong_optional_key_is_refused_naming_its_path(place, change, problem):
    """``place``: (dimension, indicator of its first element[, level]) or () for the root."""
    path = ""
    if place:
        path = f"dimensions[{place[0]}].elements[0].indicators[{place[1]}]"
        if len(place) == 3:
            path += f".levels[{place[2]}]"

    def mutate(data):
        target = data
        if place:
            target = data["dimensions"][place[0]]["elements"][0]["indicators"][place[1]]
            if len(place) == 3:
                target = target["levels"][place[2]]
        target.update(change)

    message = _broken(_with_extensions(), mutate)
    key = next(iter(change))
    assert f"katalog.json, {path + '.' if path else ''}{key}" in message
    assert problem in message


def test_a_wrong_replaces_in_a_file_stores_nothing(store):
    before = snapshot(store.path)
    data = _with_extensions()
    data["dimensions"][2]["elements"][0]["indicators"][0]["replaces"] = ["OLD.1"]
    with pytest.raises(ValidationError, match=r'kode lama "OLD\.1" sudah dilanjutkan oleh A\.X\.1'):
        store.catalogues.import_text(json.dumps(data), "katalog.json")
    assert snapshot(store.path) == before
