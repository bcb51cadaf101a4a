"""The city picture: mean levels per indicator, then the agency rules, checked against an
independent computation."""

from fractions import Fraction

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.city import (
    AgencyEntry,
    city_picture,
    follow_up_register,
    year_over_year,
)
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.scoring import score
from tests.domain.test_scoring_properties import reference_index
from tests.factories import answers_of, worked_example_data

AGENCIES = {
    "BAPPEDA": {"D1.A.1": 4, "D1.A.2": 2, "D1.B.1": 3, "D1.B.2": "na", "D2.A.1": 5, "EN.A.1": 1},
    "DINKES": {"D1.A.1": 2, "D1.A.2": "na", "D1.B.1": 1, "D2.A.1": 3, "D2.A.2": 4, "EN.A.1": 3},
    "DLH": {"D1.A.1": 5, "D1.B.1": 2, "D1.B.2": 1, "D2.A.2": 2, "EN.A.1": 4},
}


def entries(catalogue, agencies=AGENCIES):
    result = []
    for n, (code, levels) in enumerate(agencies.items(), start=1):
        answers = answers_of(levels)
        for answer in answers.values():
            answer.follow_up = f"Rencana {code} {answer.indicator_code}"
        report = score(catalogue, answers, final=True)
        result.append(AgencyEntry(code, f"Dinas {code}", n, 1, answers, report))
    return result


def test_city_levels_are_means_over_the_agencies_that_answered():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    picture = city_picture(2026, catalogue, entries(catalogue), missing=[("DISHUB", "Dishub")])
    figures = picture.indicators
    assert figures["D1.A.1"].level == Fraction(4 + 2 + 5, 3)
    assert figures["D1.A.2"].level == 2 and figures["D1.A.2"].answered_by == 1  # NA left out
    assert figures["D1.B.2"].level == 1 and figures["D1.B.2"].lowest == ("DLH",)
    assert figures["D1.B.1"].lowest == ("DINKES",)
    expected_levels = {code: f.level for code, f in figures.items() if not code.startswith("EN.")}
    assert picture.report.index == reference_index(worked_example_data(), expected_levels)
    assert picture.report.dimensions["EN"].score == Fraction(
        1 + 3 + 4, 3
    )  # apart, not in the index
    assert picture.enabler_aspects() == {"EN.A": Fraction(8, 3)}
    assert picture.missing == [("DISHUB", "Dishub")]
    assert not picture.report.provisional


def test_weakest_indicators_come_first_with_who_pulls_them_down():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    picture = city_picture(2026, catalogue, entries(catalogue))
    weakest = picture.weakest(3)
    assert [f.code for f in weakest] == ["D1.B.2", "D1.B.1", "D1.A.2"]
    assert [f.code for f in picture.weakest(1, kind="enabler")] == ["EN.A.1"]


def test_follow_up_register_lists_weak_answers_by_agency_and_filters():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    picture = city_picture(2026, catalogue, entries(catalogue))
    rows = follow_up_register(picture, below=3)
    assert [(r.agency_code, r.indicator_code, r.level) for r in rows] == [
        ("BAPPEDA", "D1.A.2", 2),
        ("BAPPEDA", "EN.A.1", 1),
        ("DINKES", "D1.A.1", 2),
        ("DINKES", "D1.B.1", 1),
        ("DLH", "D1.B.1", 2),
        ("DLH", "D1.B.2", 1),
        ("DLH", "D2.A.2", 2),
    ]
    assert rows[0].follow_up == "Rencana BAPPEDA D1.A.2"
    assert [
        r.indicator_code
        for r in follow_up_register(picture, 3, agency_code="DLH", dimension_code="D2")
    ] == ["D2.A.2"]


def test_year_over_year_pairs_the_same_codes():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    now = city_picture(2026, catalogue, entries(catalogue))
    before = city_picture(2025, catalogue, entries(catalogue, {"BAPPEDA": AGENCIES["BAPPEDA"]}))
    changes = {c.code: c for c in year_over_year(now, before)}
    assert changes["index"].delta == now.report.index - before.report.index
    assert changes["D2"].before == 5
    assert year_over_year(now, None)[0].before is None


def test_the_city_example_of_docs_scoring_md():
    catalogue = parse_catalogue(worked_example_data(), "contoh.json")
    two = {code: AGENCIES[code] for code in ("BAPPEDA", "DINKES")}
    picture = city_picture(2026, catalogue, entries(catalogue, two))
    assert picture.report.lenses == {"output": Fraction(7, 2), "impact": Fraction(5, 2)}
    assert picture.report.index == Fraction(29, 10)
    assert picture.report.predicate.label.id == "Baik"
    assert "D1.B.2" not in picture.indicators
    assert [format_figure(e.report.index, "en") for e in picture.entries] == ["3.47", "2.13"]
