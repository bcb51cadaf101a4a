"""Last year's answers under this year's codes: the `replaces` rule (docs/catalogue-format.md)."""

from kotacerdas_desktop.domain.catalogue_file import read_catalogue_file
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.previous import (
    continuing_code,
    earlier_codes,
    is_new,
    previous_answers,
)
from kotacerdas_desktop.resources import resource_path
from tests.factories import tiny_catalogue


def _bundled(version: str):
    return read_catalogue_file(resource_path("catalogues", f"smartcity-{version}.json"))


def test_an_answer_under_a_merged_code_lands_on_the_indicator_that_continues_it():
    catalogue = _bundled("2026.2")
    earlier = {
        "SOC.COM.02": Answer("SOC.COM.02", level=4, justification="LAPOR! tuntas"),
        "GOV.PUB.01": Answer("GOV.PUB.01", level=2),
    }
    carried = previous_answers(catalogue, earlier)
    assert carried["GOV.PUB.03"].level == 4
    assert carried["GOV.PUB.03"].indicator_code == "SOC.COM.02"  # the view names the old code
    assert carried["GOV.PUB.01"].level == 2  # a code that stayed is found under itself
    assert set(carried) == {"GOV.PUB.03", "GOV.PUB.01"}


def test_the_own_code_comes_first_then_the_replaced_codes_in_order():
    catalogue = _bundled("2026.2")
    assert earlier_codes(catalogue.indicator("ECO.IND.04")) == ("ECO.IND.04", "BRD.BUS.03")
    both = {
        "ECO.IND.04": Answer("ECO.IND.04", level=3),
        "BRD.BUS.03": Answer("BRD.BUS.03", level=5),
    }
    assert previous_answers(catalogue, both)["ECO.IND.04"].level == 3


def test_an_answered_old_code_wins_over_an_unanswered_one():
    catalogue = _bundled("2026.2")
    earlier = {
        "BRD.APP.03": Answer("BRD.APP.03", justification="draft, no level yet"),
        "LIV.HAR.03": Answer("LIV.HAR.03", not_applicable=True, na_reason="bukan kewenangan"),
    }
    assert previous_answers(catalogue, earlier)["BRD.APP.03"].indicator_code == "LIV.HAR.03"
    only_unanswered = {"BRD.APP.03": Answer("BRD.APP.03", justification="draft")}
    assert previous_answers(catalogue, only_unanswered)["BRD.APP.03"].level is None


def test_an_old_code_no_indicator_continues_is_left_out():
    assert previous_answers(tiny_catalogue(), {"GONE.01": Answer("GONE.01", level=3)}) == {}


def test_every_code_of_2026_1_reaches_an_indicator_of_2026_2():
    """Nothing answered on 2026.1 is lost: each code is still a code, or a replaced one."""
    old, new = _bundled("2026.1"), _bundled("2026.2")
    earlier = {i.code: Answer(i.code, level=3) for i in old.indicators()}
    carried = previous_answers(new, earlier)
    reached = {answer.indicator_code for answer in carried.values()}
    replaced = {code for i in new.indicators() for code in i.replaces}
    assert reached | replaced == set(earlier)
    added = {i.code for i in new.indicators()} - set(carried)
    assert added == {"BRD.BUS.05", "ENV.PRO.05", "ENV.PRO.06", "ENV.WAS.05", "ENV.WAS.06"}


def test_an_indicator_is_new_when_the_earlier_catalogue_had_none_of_its_codes():
    old, new = _bundled("2026.1"), _bundled("2026.2")
    assert is_new(new.indicator("ENV.WAS.05"), old)
    assert not is_new(new.indicator("GOV.PUB.03"), old)
    assert is_new(new.indicator("ECO.IND.04"), tiny_catalogue())


def test_a_code_of_an_earlier_version_continues_under_itself_or_its_replacement():
    """Where a city plan's step on last year's version goes in this year's draft."""
    old, new = _bundled("2026.1"), _bundled("2026.2")
    assert continuing_code(new, "GOV.PUB.01") == "GOV.PUB.01"
    assert continuing_code(new, "LIV.HAR.03") == "BRD.APP.03"
    assert continuing_code(new, "SOC.COM.02") == "GOV.PUB.03"
    assert continuing_code(new, "GONE.01") is None
    assert all(continuing_code(new, i.code) for i in old.indicators())
