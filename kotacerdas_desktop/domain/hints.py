"""What a reviewer would still ask about a saved answer: valid, but not yet convincing.

The store accepts these answers (a draft may be incomplete); the navigation
lists them under "has problems" so the operator sees them before the head of
agency or the national assessor does.
"""

from __future__ import annotations

from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.text import LocalText, t


def answer_hints(answer: Answer | None) -> list[tuple[str, LocalText]]:
    """(field, message) for each gap in an answered indicator; nothing for unanswered or not applicable."""
    if answer is None or answer.level is None or answer.not_applicable:
        return []
    hints: list[tuple[str, LocalText]] = []
    if not answer.justification.strip():
        hints.append(
            ("justification", t("Justifikasi belum diisi.", "The justification is empty."))
        )
    if not answer.evidence:
        hints.append(("evidence", t("Belum ada bukti dukung.", "No evidence yet.")))
    return hints
