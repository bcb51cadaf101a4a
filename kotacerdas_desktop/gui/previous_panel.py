"""Last year's answer to the same indicator, beside the form, read-only, with "copy previous answer".

Indicator codes are stable across catalogue versions where the meaning stays;
where a newer version renumbered or merged indicators, its ``replaces`` leads
to last year's answer (domain/previous.py) and the panel names the old code.
The operator compares, and copies it when nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.catalogue import Indicator
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.formatting import format_date
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


def level_text(indicator: Indicator, answer: Answer | None) -> str:
    """ "Tingkat 3 · Terdefinisi" (English "Level 3 · Defined"), "Tidak berlaku" or "Belum dijawab"."""
    if answer is None or not answer.is_answered:
        return str(t("Belum dijawab", "Not answered"))
    if answer.not_applicable:
        return str(t("Tidak berlaku", "Not applicable"))
    assert answer.level is not None
    label = indicator.level(answer.level).label
    return str(t(f"Tingkat {answer.level} · {label}", f"Level {answer.level} · {label}"))


class PreviousPanel(QWidget):
    copyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("previous_answer.ui", self)
        self.ui.root.setObjectName("previousPanel")
        apply_texts(
            self.ui,
            {
                "labelPrevJustificationTitle": t("Justifikasi", "Justification"),
                "labelPrevEvidenceTitle": t("Bukti dukung", "Evidence"),
                "labelPrevFollowUpTitle": t("Rencana tindak lanjut", "Follow-up plan"),
                "buttonCopyPrevious": t("Salin jawaban sebelumnya", "Copy previous answer"),
                "buttonCopyPrevious.tip": t(
                    "Salin tingkat, justifikasi dan rencana tindak lanjut tahun lalu ke jawaban ini (Ctrl+Z membatalkan).",
                    "Copy last year's level, justification and follow-up plan into this answer (Ctrl+Z undoes it).",
                ),
            },
        )
        for name in (
            "labelPrevJustificationTitle",
            "labelPrevEvidenceTitle",
            "labelPrevFollowUpTitle",
        ):
            getattr(self.ui, name).setProperty("role", "section")
        self.ui.labelPrevTitle.setProperty("role", "panelTitle")
        self.ui.labelPrevLevel.setProperty("role", "previousLevel")
        self.ui.buttonCopyPrevious.clicked.connect(self.copyRequested)

    def show_previous(
        self,
        indicator: Indicator,
        answer: Answer | None,
        year: int | None,
        editable: bool,
        *,
        new: bool = False,
    ) -> None:
        """Last year's answer; ``new`` when last year's catalogue had no such question."""
        title = (
            t(f"Jawaban tahun {year}", f"Answer for {year}")
            if year
            else t("Tahun lalu", "Last year")
        )
        if year and answer is not None and answer.indicator_code != indicator.code:
            old = answer.indicator_code
            title = t(f"{title.id} (kode lama {old})", f"{title.en} (old code {old})")
        self.ui.labelPrevTitle.setText(str(title))
        if not year:
            shown = str(t("Tidak ada penilaian tahun lalu.", "No assessment last year."))
        elif new:
            shown = str(
                t(
                    "Indikator baru: katalog tahun lalu belum memuatnya.",
                    "A new indicator: last year's catalogue did not hold it.",
                )
            )
        else:
            shown = level_text(indicator, answer)
        self.ui.labelPrevLevel.setText(shown)
        justification = answer.justification if answer else ""
        if answer is not None and answer.not_applicable:
            justification = answer.na_reason
        evidence = (
            "\n".join(
                "• "
                + e.title
                + (f" ({e.number})" if e.number else "")
                + (f", {format_date(e.date)}" if e.date else "")
                for e in answer.evidence
            )
            if answer
            else ""
        )
        for title, label, text in (
            (self.ui.labelPrevJustificationTitle, self.ui.labelPrevJustification, justification),
            (self.ui.labelPrevEvidenceTitle, self.ui.labelPrevEvidence, evidence),
            (
                self.ui.labelPrevFollowUpTitle,
                self.ui.labelPrevFollowUp,
                answer.follow_up if answer else "",
            ),
        ):
            label.setText(text)
            label.setVisible(bool(text))
            title.setVisible(bool(text))
        self.ui.buttonCopyPrevious.setVisible(
            editable and answer is not None and answer.is_answered
        )
