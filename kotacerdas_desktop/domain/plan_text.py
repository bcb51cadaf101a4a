"""The words of a plan, the same on the screen, the command line, the PDF, the workbook and JSON:
the summary sentence, what each step asks for, and the line it adds to a follow-up plan.

The line written into an answer's follow-up plan (rencana tindak lanjut) is always
Indonesian: it is printed on the evaluation sheet, which is.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kotacerdas_desktop.domain.catalogue import METHOD_LENSES, Catalogue
from kotacerdas_desktop.domain.figures import exact_json, figure_json, format_figure
from kotacerdas_desktop.domain.planner import MET, PLANNED, UNREACHABLE, Plan, Step
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.domain.text import LocalText, t

GAIN_PLACES = 4  # a city step moves the index by thousandths: 0,0015, not 0,00
FOLLOW_UP_MARK = "Rencana capaian"


@dataclass(frozen=True)
class Assignment:
    """A step someone takes on: who does it and by when (free text: "Triwulan II 2027")."""

    step: Step
    who: str = ""
    due: str = ""


def gain_text(gain: Fraction, language: str | None = None) -> str:
    """ "+0,0153": a step's gain, to four places."""
    return f"+{format_figure(gain, language, places=GAIN_PLACES)}"


def figure_name(catalogue: Catalogue, plan: Plan) -> LocalText:
    """ "Indeks Pencapaian", "Indeks", or "skor dimensi Smart Governance"."""
    dimension = plan.target.dimension
    if dimension is not None:
        name = catalogue.dimension(dimension).name
        return t(f"skor {dimension} {name.id}", f"{dimension} {name.get('en')} score")
    if catalogue.index_method == METHOD_LENSES:
        return t("Indeks Pencapaian", "Achievement Index")
    return t("Indeks", "Index")


def figure_with_predicate(catalogue: Catalogue, value: Fraction | None, language: str) -> str:
    """ "3,21 Baik"; "–" when there is no figure."""
    predicate = predicate_of(catalogue, value)
    if predicate is None:
        return format_figure(value, language)
    return f"{format_figure(value, language)} {predicate.label.get(language)}"


def summary(catalogue: Catalogue, plan: Plan) -> LocalText:
    """One sentence: where the figure stands, the target, and what the plan does about it."""
    name = figure_name(catalogue, plan)

    def both(id_text: str, en_text: str) -> LocalText:
        return t(
            id_text.format(
                name=name.id,
                now=figure_with_predicate(catalogue, plan.before, "id"),
                target=plan.target.text("id"),
                after=figure_with_predicate(catalogue, plan.after, "id"),
                best=figure_with_predicate(catalogue, plan.best, "id"),
            ),
            en_text.format(
                name=name.get("en"),
                now=figure_with_predicate(catalogue, plan.before, "en"),
                target=plan.target.text("en"),
                after=figure_with_predicate(catalogue, plan.after, "en"),
                best=figure_with_predicate(catalogue, plan.best, "en"),
            ),
        )

    steps, effort = len(plan.steps), plan.effort
    if plan.status == MET:
        text = both(
            "{name} hari ini {now}: target {target} sudah tercapai, tidak ada langkah yang perlu.",
            "{name} today {now}: the target {target} is already reached; no step is needed.",
        )
    elif plan.status == PLANNED:
        weighed = (
            t(f", total upaya {effort}", f", total effort {effort}") if plan.weighed else t("", "")
        )
        text = both(
            f"{{name}} hari ini {{now}}; target {{target}} tercapai dengan {steps} langkah"
            f"{weighed.id}: menjadi {{after}}.",
            f"{{name}} today {{now}}; the target {{target}} is reached in {steps} steps"
            f"{weighed.get('en')}: it becomes {{after}}.",
        )
    elif plan.status == UNREACHABLE:
        text = both(
            "{name} hari ini {now}; target {target} tidak dapat dicapai dengan indikator yang "
            "sudah dijawab: paling tinggi {best}.",
            "{name} today {now}; the target {target} cannot be reached with the indicators "
            "answered: the highest possible is {best}.",
        )
    else:
        text = both(
            "{name} belum punya skor: jawab dulu indikatornya.",
            "{name} has no score yet: answer its indicators first.",
        )
    if plan.provisional:
        count = len(plan.to_answer)
        text = t(
            f"{text.id} Sementara: {count} indikator belum dijawab; jawab dulu, lalu buat rencana lagi.",
            f"{text.get('en')} Provisional: {count} indicators are unanswered; answer them first, "
            "then plan again.",
        )
    return text


def next_level(catalogue: Catalogue, step: Step) -> tuple[LocalText, LocalText]:
    """The next level's label and description: what must become true."""
    level = catalogue.indicator(step.indicator_code).level(step.to_level)
    return level.label, level.description


def evidence_needed(catalogue: Catalogue, step: Step) -> LocalText:
    """The evidence the step's level needs: the level's own minimum evidence when the catalogue
    gives one (2026.2 does), else the indicator's guidance (bukti dukung)."""
    indicator = catalogue.indicator(step.indicator_code)
    evidence = indicator.level(step.to_level).evidence
    return evidence if evidence.id.strip() else indicator.guidance


def follow_up_line(
    catalogue: Catalogue, step: Step, who: str = "", due: str = "", year: int | None = None
) -> str:
    """The line a step adds to its indicator's follow-up plan (Indonesian, as the sheet is)."""
    label, description = next_level(catalogue, step)
    mark = f"{FOLLOW_UP_MARK} kota {year}" if step.owner and year else FOLLOW_UP_MARK
    parts = [
        f"{mark}: naik dari tingkat {step.from_level} ke tingkat {step.to_level} "
        f"({label.id}): {description.id.rstrip('.')}."
    ]
    if who.strip():
        parts.append(f"Penanggung jawab: {who.strip()}.")
    if due.strip():
        parts.append(f"Tenggat: {due.strip()}.")
    return " ".join(parts)


def merged_follow_up(existing: str, line: str) -> str:
    """The follow-up plan with the line added on its own line (once: accepting twice adds
    nothing)."""
    lines = [x for x in existing.splitlines() if x.strip()]
    if line in (x.strip() for x in lines):
        return existing
    return "\n".join([existing.rstrip(), line]) if existing.strip() else line


def plan_json(catalogue: Catalogue, plan: Plan, names: dict[str, str] | None = None) -> dict:
    """The plan for ``--json``: shown figures (and the exact ones), every step with its words."""
    running = plan.running()
    return {
        "status": plan.status,
        "provisional": plan.provisional,
        "target": {
            "value": figure_json(plan.target.value),
            "predicate": plan.target.predicate.label.to_json() if plan.target.predicate else None,
            "dimension": plan.target.dimension,
        },
        "figure": figure_name(catalogue, plan).to_json(),
        "before": figure_json(plan.before),
        "before_exact": exact_json(plan.before),
        "after": figure_json(plan.after),
        "after_exact": exact_json(plan.after),
        "best": figure_json(plan.best),
        "effort": plan.effort if plan.weighed else None,
        "summary": summary(catalogue, plan).to_json(),
        "to_answer": [
            {"agency": u.owner or None, "indicator": u.indicator_code} for u in plan.to_answer
        ],
        "steps": [
            _step_json(catalogue, step, figure, names or {})
            for step, figure in zip(plan.steps, running, strict=True)
        ],
    }


def _step_json(catalogue: Catalogue, step: Step, figure: Fraction, names: dict[str, str]) -> dict:
    label, description = next_level(catalogue, step)
    indicator = catalogue.indicator(step.indicator_code)
    return {
        "agency": ({"code": step.owner, "name": names.get(step.owner, step.owner)})
        if step.owner
        else None,
        "indicator": step.indicator_code,
        "question": indicator.question.to_json(),
        "from_level": step.from_level,
        "to_level": step.to_level,
        "next_level": {"label": label.to_json(), "description": description.to_json()},
        "evidence": evidence_needed(catalogue, step).to_json(),
        "gain": float(step.gain),
        "gain_exact": f"{step.gain.numerator}/{step.gain.denominator}",
        "effort": step.effort,
        "figure_after": figure_json(figure),
    }
