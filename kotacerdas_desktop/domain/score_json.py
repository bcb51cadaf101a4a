"""Scores as JSON, the same for `assessment show/list --json` and every later export.

Each figure is the shown figure (rounded half-up, as printed) as a JSON number;
``index_exact`` carries the unrounded index and ``completeness.fraction`` the
exact share, for programs that compute further.
"""

from __future__ import annotations

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, KIND_ENABLER
from kotacerdas_desktop.domain.figures import exact_json, figure_json
from kotacerdas_desktop.domain.score_report import ScoreReport


def completeness_json(report: ScoreReport) -> dict:
    return {
        "answered": report.answered,
        "total": report.total,
        "fraction": exact_json(report.completeness),
        "percent": report.percent,
    }


def index_json(report: ScoreReport) -> dict:
    return {
        "index": figure_json(report.index),
        "index_exact": exact_json(report.index),
        "predicate": report.predicate.label.to_json() if report.predicate else None,
        "provisional": report.provisional,
    }


def scores_json(report: ScoreReport) -> dict:
    """The index and its breakdown: lenses, dimensions, enabler sections, every element."""
    return {
        **index_json(report),
        "method": report.method,
        "rules": report.rules,
        "partial": report.partial,
        "lenses": {code: figure_json(value) for code, value in report.lenses.items()},
        "dimensions": {
            code: figure_json(s.score) for code, s in report.sections(KIND_DIMENSION).items()
        },
        "enablers": {
            code: figure_json(s.score) for code, s in report.sections(KIND_ENABLER).items()
        },
        "elements": {
            code: figure_json(e.score)
            for section in report.dimensions.values()
            for code, e in section.elements.items()
        },
        "progress": {
            code: {"answered": s.answered, "total": s.total, "not_applicable": s.not_applicable}
            for code, s in report.dimensions.items()
        },
    }
