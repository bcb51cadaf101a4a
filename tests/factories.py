"""A tiny catalogue built in code, for tests that need exact weights."""

from __future__ import annotations

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.catalogue_file import parse_catalogue
from kotacerdas_desktop.domain.model import Answer


def _text(s: str) -> dict[str, str]:
    return {"id": s, "en": s}


def indicator(
    code: str, weight: float = 1, lens: str | None = None, allow_na: bool = False
) -> dict:
    data = {
        "code": code,
        "weight": weight,
        "allow_na": allow_na,
        "question": _text(f"Pertanyaan {code}"),
        "levels": [{"level": n, "description": _text(f"Level {n} {code}")} for n in range(1, 6)],
    }
    if lens:
        data["lens"] = lens
    return data


def tiny_catalogue_data() -> dict:
    return {
        "format": "kotacerdas-catalogue/1",
        "code": "TINY",
        "version": "1",
        "name": _text("Kecil"),
        "level_labels": {str(n): _text(f"L{n}") for n in range(1, 6)},
        "predicates": [
            {"min": 0, "label": _text("Kurang")},
            {"min": 1.8, "label": _text("Cukup")},
            {"min": 2.6, "label": _text("Baik")},
            {"min": 3.5, "label": _text("Sangat Baik")},
            {"min": 4.2, "label": _text("Memuaskan")},
        ],
        "lenses": [
            {"code": "output", "name": _text("Output"), "weight": 1},
            {"code": "impact", "name": _text("Dampak"), "weight": 3},
        ],
        "dimensions": [
            {
                "code": "A",
                "weight": 1,
                "name": _text("A"),
                "elements": [
                    {
                        "code": "A.X",
                        "weight": 1,
                        "name": _text("AX"),
                        "indicators": [
                            indicator("A.X.1", 1, "output"),
                            indicator("A.X.2", 3, "impact", allow_na=True),
                        ],
                    },
                    {
                        "code": "A.Y",
                        "weight": 3,
                        "name": _text("AY"),
                        "indicators": [indicator("A.Y.1")],
                    },
                ],
            },
            {
                "code": "B",
                "weight": 2,
                "name": _text("B"),
                "elements": [
                    {
                        "code": "B.X",
                        "weight": 1,
                        "name": _text("BX"),
                        "indicators": [indicator("B.X.1")],
                    },
                ],
            },
            {
                "code": "E",
                "kind": "enabler",
                "weight": 1,
                "name": _text("E"),
                "elements": [
                    {
                        "code": "E.X",
                        "weight": 1,
                        "name": _text("EX"),
                        "indicators": [indicator("E.X.1")],
                    },
                ],
            },
        ],
    }


def tiny_catalogue() -> Catalogue:
    return parse_catalogue(tiny_catalogue_data(), "tiny.json")


def worked_example_data() -> dict:
    """The worked example of docs/scoring.md: two dimensions, two lenses, one enabler."""
    data = tiny_catalogue_data()
    data["code"], data["name"] = "CONTOH", _text("Contoh")
    data["index"] = {
        "method": "lenses",
        "weights_source": _text("contoh"),
        "predicates_source": _text("SPBE"),
    }
    data["lenses"] = [
        {"code": "output", "name": _text("Output"), "weight": 40},
        {"code": "impact", "name": _text("Dampak"), "weight": 60},
    ]

    def element(code: str, weight: float, *indicators: dict) -> dict:
        return {"code": code, "weight": weight, "name": _text(code), "indicators": list(indicators)}

    data["dimensions"] = [
        {
            "code": "D1",
            "weight": 2,
            "name": _text("D1"),
            "elements": [
                element(
                    "D1.A", 1, indicator("D1.A.1", 1, "output"), indicator("D1.A.2", 1, "impact")
                ),
                element(
                    "D1.B",
                    1,
                    indicator("D1.B.1", 2, "impact"),
                    indicator("D1.B.2", 1, "output", allow_na=True),
                ),
            ],
        },
        {
            "code": "D2",
            "weight": 1,
            "name": _text("D2"),
            "elements": [
                element(
                    "D2.A", 1, indicator("D2.A.1", 1, "output"), indicator("D2.A.2", 1, "impact")
                )
            ],
        },
        {
            "code": "EN",
            "kind": "enabler",
            "weight": 1,
            "name": _text("EN"),
            "elements": [element("EN.A", 1, indicator("EN.A.1"))],
        },
    ]
    return data


# The answers of the worked example: a level, "na", or left out (unanswered).
WORKED_EXAMPLE_ANSWERS = {
    "D1.A.1": 4,
    "D1.A.2": 2,
    "D1.B.1": 3,
    "D1.B.2": "na",
    "D2.A.1": 5,
    "EN.A.1": 1,
}


def answers_of(levels: dict[str, int | str]) -> dict[str, Answer]:
    """Answers from {code: level or "na"}."""
    return {
        code: Answer(code, not_applicable=True, na_reason="bukan kewenangan")
        if level == "na"
        else Answer(code, level=int(level))
        for code, level in levels.items()
    }
