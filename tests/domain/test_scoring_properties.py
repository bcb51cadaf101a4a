"""A second, independent implementation of docs/scoring.md, compared on random catalogues.

This one follows the document's formulas literally: it computes each
indicator's effective weight as a product of three shares, then the lens
scores and the index from those weights, without any of the production
code's helpers.
"""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.scoring import score
from tests.factories import answers_of, indicator, tiny_catalogue_data

WEIGHTS = st.sampled_from([0, 0.5, 1, 2, 3, 16.5])
LENSES = ["baseline", "output", "outcome", "impact", "quickwin"]
ANSWER = st.one_of(st.none(), st.just("na"), st.integers(1, 5))


def _some_weight(items: list[dict]) -> list[dict]:
    """Siblings may weigh 0 but not all of them (the checker refuses that: nothing to score)."""
    if not any(item["weight"] for item in items):
        items[0]["weight"] = 1
    return items


@st.composite
def catalogues(draw, dimensions: int = 3, elements: int = 3, indicators: int = 4):
    """(catalogue data, answers): up to ``dimensions`` x ``elements`` x ``indicators``, and an
    enabler section."""
    lens_weights = draw(st.lists(st.sampled_from([0, 10, 20, 30]), min_size=5, max_size=5))
    if sum(lens_weights) == 0:
        lens_weights[0] = 10
    sections = []
    answers = {}
    for d in range(draw(st.integers(1, dimensions))):
        element_list = []
        for e in range(draw(st.integers(1, elements))):
            indicator_list = []
            for i in range(draw(st.integers(1, indicators))):
                code = f"D{d}.E{e}.{i}"
                indicator_list.append(
                    indicator(code, draw(WEIGHTS), draw(st.sampled_from(LENSES)), True)
                )
                answers[code] = draw(ANSWER)
            element_list.append(
                {
                    "code": f"D{d}.E{e}",
                    "weight": draw(WEIGHTS),
                    "name": {"id": "e"},
                    "indicators": _some_weight(indicator_list),
                }
            )
        sections.append(
            {
                "code": f"D{d}",
                "weight": draw(WEIGHTS),
                "name": {"id": "d"},
                "elements": _some_weight(element_list),
            }
        )
    _some_weight(sections)
    enabler_code = "EN.A.1"
    sections.append(
        {
            "code": "EN",
            "kind": "enabler",
            "name": {"id": "en"},
            "elements": [
                {
                    "code": "EN.A",
                    "name": {"id": "a"},
                    "indicators": [indicator(enabler_code, 1, "output")],
                }
            ],
        }
    )
    answers[enabler_code] = draw(ANSWER)
    data = tiny_catalogue_data()
    data["index"] = {"method": draw(st.sampled_from(["lenses", "dimensions"]))}
    data["lenses"] = [
        {"code": code, "name": {"id": code}, "weight": w}
        for code, w in zip(LENSES, lens_weights, strict=True)
    ]
    data["dimensions"] = sections
    return data, {code: level for code, level in answers.items() if level is not None}


def _f(x) -> Fraction:
    return Fraction(str(x))


def reference_index(data: dict, levels: dict[str, int]) -> Fraction | None:
    """Effective weight W = dimension share x element share x indicator share, literally."""

    def counts_indicator(ind):
        return ind["code"] in levels and _f(ind["weight"]) > 0

    def counts_element(el):
        return _f(el["weight"]) > 0 and any(counts_indicator(i) for i in el["indicators"])

    def counts_dimension(dim):
        return (
            dim.get("kind", "dimension") == "dimension"
            and _f(dim["weight"]) > 0
            and any(counts_element(e) for e in dim["elements"])
        )

    dims = [d for d in data["dimensions"] if counts_dimension(d)]
    w_dims = sum(_f(d["weight"]) for d in dims)
    weight: dict[str, Fraction] = {}
    lens_of: dict[str, str] = {}
    for dim in dims:
        elements = [e for e in dim["elements"] if counts_element(e)]
        w_elements = sum(_f(e["weight"]) for e in elements)
        for el in elements:
            inds = [i for i in el["indicators"] if counts_indicator(i)]
            w_inds = sum(_f(i["weight"]) for i in inds)
            for ind in inds:
                weight[ind["code"]] = (
                    _f(dim["weight"])
                    / w_dims
                    * _f(el["weight"])
                    / w_elements
                    * _f(ind["weight"])
                    / w_inds
                )
                lens_of[ind["code"]] = ind["lens"]
    if data["index"]["method"] == "dimensions":
        total = sum(weight.values())
        return sum(w * levels[c] for c, w in weight.items()) / total if total else None
    numerator = denominator = Fraction(0)
    for lens in data["lenses"]:
        codes = [c for c in weight if lens_of[c] == lens["code"]]
        lens_weight = _f(lens["weight"])
        if codes and lens_weight > 0:
            lens_score = sum(weight[c] * levels[c] for c in codes) / sum(weight[c] for c in codes)
            numerator += lens_weight * lens_score
            denominator += lens_weight
    return numerator / denominator if denominator else None


@settings(max_examples=300, deadline=None)
@given(catalogues())
def test_index_agrees_with_an_independent_implementation(case):
    data, raw_answers = case
    catalogue = parse_catalogue(data, "random.json")
    answers = answers_of(raw_answers)
    levels = {c: lvl for c, lvl in raw_answers.items() if lvl != "na" and not c.startswith("EN.")}
    expected = reference_index(data, levels)
    report = score(catalogue, answers)
    assert report.index == expected
    if expected is not None:
        assert report.predicate == catalogue.predicate(shown(expected))
    answered = len(raw_answers)
    assert report.answered == answered and report.total == catalogue.indicator_count()
    # The same catalogue object with fewer answers: what it keeps of the first scoring
    # (domain/weights.py) must not leak into the second.
    fewer = dict(list(raw_answers.items())[::2])
    fewer_levels = {c: lvl for c, lvl in levels.items() if c in fewer}
    assert score(catalogue, answers_of(fewer)).index == reference_index(data, fewer_levels)


def reference_element_score(element: dict, levels: dict[str, int]) -> Fraction | None:
    """The mean level of an element's answered indicators by weight, literally."""
    pairs = [
        (levels[i["code"]], _f(i["weight"]))
        for i in element["indicators"]
        if i["code"] in levels and _f(i["weight"]) > 0
    ]
    total = sum(w for _, w in pairs)
    return sum(level * w for level, w in pairs) / total if total else None


@settings(max_examples=200, deadline=None)
@given(catalogues())
def test_element_scores_agree_with_the_literal_mean(case):
    data, raw_answers = case
    report = score(parse_catalogue(data, "random.json"), answers_of(raw_answers))
    levels = {c: lvl for c, lvl in raw_answers.items() if lvl != "na"}
    for section in data["dimensions"]:
        for element in section["elements"]:
            got = report.dimensions[section["code"]].elements[element["code"]].score
            assert got == reference_element_score(element, levels)
            assert got is None or isinstance(got, Fraction)
