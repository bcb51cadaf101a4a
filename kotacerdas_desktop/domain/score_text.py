"""The words around the figures, the same on the screen, the sheet and the command line:
the index's name, "sementara" for a draft, the weight shares, and the one sentence
that states how the index was computed and where its weights come from.
"""

from __future__ import annotations

from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import KIND_ENABLER, METHOD_LENSES, Catalogue
from kotacerdas_desktop.domain.figures import exact, format_figure, shown
from kotacerdas_desktop.domain.model import RULES_V1
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.text import LocalText, t

PROVISIONAL = t("sementara", "provisional")


def index_name(report: ScoreReport) -> LocalText:
    """ "Indeks Pencapaian" for the lens method, "Indeks" otherwise."""
    if report.method == METHOD_LENSES:
        return t("Indeks Pencapaian", "Achievement Index")
    return t("Indeks", "Index")


def weight_share(weight: float, weights: list[float]) -> Fraction:
    """A weight as a percentage of the weights beside it (10 of 100 -> 10)."""
    total = sum((exact(w) for w in weights), Fraction(0))
    return exact(weight) * 100 / total if total else Fraction(0)


def format_share(weight: float, weights: list[float], language: str | None = None) -> str:
    """ "10%", "16,5%": a weight share as people write it, with no trailing zeros."""
    figure = shown(weight_share(weight, weights))
    text = format_figure(figure, language)
    if "," in text or "." in text:
        text = text.rstrip("0").rstrip(",.")
    return f"{text}%"


def lens_weights_text(catalogue: Catalogue, language: str | None = None) -> str:
    """ "baseline 10%, output 20%, …" in catalogue order."""
    weights = [lens.weight for lens in catalogue.lenses]
    return ", ".join(
        f"{lens.name.get(language).split(' (')[0]} {format_share(lens.weight, weights, language)}"
        for lens in catalogue.lenses
    )


def method_sentence(catalogue: Catalogue, report: ScoreReport) -> LocalText:
    """How the index was computed and where its weights and predicate bands come from."""
    if report.rules == RULES_V1:
        return t(
            "Indeks = rata-rata tertimbang skor dimensi, sesuai aturan penilaian yang berlaku saat "
            "lembar ini difinalisasi (aturan versi 1).",
            "Index = weighted mean of the dimension scores, under the scoring rules in force when "
            "this sheet was finalized (rules version 1).",
        )
    named = t(
        f"katalog {catalogue.code} versi {catalogue.version}",
        f"catalogue {catalogue.code} version {catalogue.version}",
    )
    weights = catalogue.weights_source if catalogue.weights_source.id else named
    bands = catalogue.predicates_source if catalogue.predicates_source.id else named
    has_enablers = any(d.kind == KIND_ENABLER for d in catalogue.dimensions)
    apart = t("; faktor pendukung tidak dihitung", "; enablers are not counted")
    apart = apart if has_enablers else t("", "")
    sources = t(
        f". Sumber bobot: {weights.id}. Batas predikat: {bands.id}.",
        f". Weights: {weights.get('en')}. Predicate bands: {bands.get('en')}.",
    )
    if report.method == METHOD_LENSES:
        return t(
            f"Indeks Pencapaian = rata-rata tertimbang skor lensa evaluasi "
            f"({lens_weights_text(catalogue, 'id')}); skor lensa = rata-rata tingkat indikatornya "
            f"dengan bobot efektif{apart.id}{sources.id}",
            f"Achievement Index = weighted mean of the evaluation lens scores "
            f"({lens_weights_text(catalogue, 'en')}); a lens score = mean level of its indicators "
            f"by effective weight{apart.en}{sources.en}",
        )
    return t(
        f"Indeks = rata-rata tertimbang skor dimensi (domain){apart.id}{sources.id}",
        f"Index = weighted mean of the dimension (domain) scores{apart.en}{sources.en}",
    )


def predicate_text(report: ScoreReport, language: str | None = None) -> str:
    """ "Baik", or "Baik (sementara)" on a draft; "-" when nothing is scored yet."""
    if report.predicate is None:
        return "-"
    label = report.predicate.label.get(language)
    return f"{label} ({PROVISIONAL.get(language)})" if report.provisional else label


def index_line(report: ScoreReport, language: str | None = None) -> str:
    """ "3,47 Baik (sementara)": the shown figure, its predicate and the draft mark."""
    return f"{format_figure(report.index, language)} {predicate_text(report, language)}"
