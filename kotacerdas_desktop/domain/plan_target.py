"""What a plan aims at: a shown figure (a predicate's lower edge, or an index such as 3,80), for
the index or for one dimension, and the effort estimates a plan may weigh its steps by.

A target is reached when the figure as shown reaches it: 3,495 shows as 3,50 and so is
"Sangat Baik" (docs/scoring.md reads the predicate from the shown figure, and so does the
planner).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from kotacerdas_desktop.domain.catalogue import Catalogue, Predicate
from kotacerdas_desktop.domain.catalogue_file import read_text_file
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.figures import PLACES, format_figure
from kotacerdas_desktop.domain.text import LocalText, t

EFFORTS = (1, 2, 3, 4, 5)
DEFAULT_EFFORT = 3  # an indicator the estimates leave out: "sedang" (medium)
HALF_UNIT = Fraction(1, 2 * 10**PLACES)  # half of the last shown place: 0,005


@dataclass(frozen=True)
class Target:
    """The shown figure to reach, in hundredths; ``dimension`` None means the index."""

    value: Fraction
    predicate: Predicate | None = None
    dimension: str | None = None

    @property
    def threshold(self) -> Fraction:
        """The least exact figure that shows as ``value`` or more (half-up rounding)."""
        return self.value - HALF_UNIT

    def text(self, language: str | None = None) -> str:
        """ "3,50 (Sangat Baik)" for a predicate, "3,80" for an index."""
        figure = format_figure(self.value, language)
        if self.predicate is None:
            return figure
        return f"{figure} ({self.predicate.label.get(language)})"


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def parse_target(catalogue: Catalogue, text: str, dimension: str | None = None) -> Target:
    """A target as a user writes it: a predicate's name in either language ("Sangat Baik",
    "very good") or a figure with at most two decimals ("3.8", "3,80")."""
    section = None
    if dimension is not None and dimension.strip():
        section = dimension.strip().upper()
        if section not in {d.code for d in catalogue.dimensions}:
            raise NotFoundError(
                t(
                    f"Dimensi {section} tidak ada di katalog {catalogue.code} {catalogue.version}.",
                    f"Dimension {section} is not in catalogue {catalogue.code} {catalogue.version}.",
                ),
                field="dimension",
            )
    wanted = _words(text)
    for predicate in catalogue.predicates:
        if wanted in {_words(predicate.label.id), _words(predicate.label.en)}:
            return Target(predicate.exact_minimum, predicate, section)
    return Target(_figure(catalogue, text), None, section)


def _figure(catalogue: Catalogue, text: str) -> Fraction:
    names = ", ".join(p.label.id for p in catalogue.predicates)
    cleaned = text.strip().replace(",", ".")
    whole, _, decimals = cleaned.partition(".")
    digits = whole.isdigit() and (decimals.isdigit() or not decimals) and cleaned.isascii()
    if not digits or len(decimals) > PLACES:
        raise ValidationError(
            t(
                f'Target "{text}" tidak sah: tulis nama predikat ({names}) atau angka dengan '
                "paling banyak dua desimal (mis. 3,80).",
                f'Target "{text}" is invalid: write a predicate name ({names}) or a number with '
                "at most two decimals (e.g. 3.80).",
            ),
            field="target",
        )
    value = Fraction(cleaned)
    if value <= 0:
        raise ValidationError(
            t("Target harus lebih dari 0.", "The target must be above 0."), field="target"
        )
    return value


def parse_efforts(catalogue: Catalogue, text: str, source: str) -> dict[str, int]:
    """Effort estimates (1 easy .. 5 hard) per indicator code, from a CSV file ("KODE,UPAYA"
    lines; a comma, semicolon or tab between; a header line allowed) or a JSON object."""
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("{"):
        try:
            pairs = list(json.loads(stripped).items())
        except (ValueError, AttributeError) as exc:
            problem = t(f"JSON tidak sah ({exc})", f"invalid JSON ({exc})")
            raise _effort_error(source, 1, problem) from exc
        rows = [(1, str(code), str(value)) for code, value in pairs]
    else:
        rows = []
        for number, line in enumerate(stripped.splitlines(), start=1):
            cells = [c.strip() for c in line.replace(";", ",").replace("\t", ",").split(",")]
            if not line.strip() or (number == 1 and len(cells) > 1 and not cells[1].isdigit()):
                continue  # blank lines and a header
            rows.append((number, cells[0], cells[1] if len(cells) > 1 else ""))
    efforts: dict[str, int] = {}
    for number, code, value in rows:
        code = code.upper()
        if not catalogue.has_indicator(code):
            raise _effort_error(
                source,
                number,
                t(
                    f"indikator {code} tidak ada di katalog {catalogue.code}",
                    f"indicator {code} is not in catalogue {catalogue.code}",
                ),
            )
        if not value.isdigit() or int(value) not in EFFORTS:
            raise _effort_error(
                source,
                number,
                t(
                    f'upaya "{value}" untuk {code} harus 1 sampai 5',
                    f'effort "{value}" for {code} must be 1 to 5',
                ),
            )
        efforts[code] = int(value)
    return efforts


def read_efforts(catalogue: Catalogue, path: Path) -> dict[str, int]:
    """Effort estimates from a file (see ``parse_efforts``)."""
    text = read_text_file(path, t("Berkas perkiraan upaya", "Effort estimates file"), "effort")
    return parse_efforts(catalogue, text, path.name)


def _effort_error(source: str, line: int, problem: LocalText) -> ValidationError:
    return ValidationError(
        t(
            f"Berkas perkiraan upaya {source}, baris {line}: {problem.id}",
            f"Effort estimates file {source}, line {line}: {problem.en}",
        ),
        field="effort",
    )


def effort_of(efforts: Mapping[str, int] | None, code: str) -> int:
    """An indicator's effort: 1 for every step when no estimates are given (fewest steps)."""
    if efforts is None:
        return 1
    return efforts.get(code, DEFAULT_EFFORT)
