"""The form of one indicator: question, level cards, justification, evidence, follow-up, review flag.

It is a view: ``show_indicator`` fills it, ``state()`` reads what the user
set, ``edited(field)`` says what the user just changed, and errors appear
next to their field (``show_error``). Saving, undo and navigation live in
AnswerEditor, so the form can be filled and read without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from kotacerdas_desktop.domain.catalogue import Catalogue, Dimension, Element, Indicator
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.domain.validation import MAX_TEXT
from kotacerdas_desktop.gui.evidence_panel import EvidencePanel
from kotacerdas_desktop.gui.formatting import format_timestamp, locale
from kotacerdas_desktop.gui.level_choice import NOT_APPLICABLE, Choice, LevelChoice
from kotacerdas_desktop.gui.operations import FieldMessages
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui
from kotacerdas_desktop.store import Store

LEVEL_FIELDS = ("level", "not_applicable")
LEVEL_KEYS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
    Qt.Key.Key_N: NOT_APPLICABLE,
}
EVIDENCE_FIELDS = ("file", "title", "evidence")


@dataclass
class IndicatorView:
    """Everything the form shows for one indicator."""

    catalogue: Catalogue
    dimension: Dimension
    element: Element
    indicator: Indicator
    position: int  # 1-based, within the dimension
    count: int
    answer: Answer
    editable: bool
    previous_level: int | None = None  # last year's choice, marked on its card
    previous_year: int | None = None


def is_undo_key(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        )
    )


class _UndoPassThrough(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the window's undo stack instead of a text field's own undo.

    One stack for the whole answer means undo also steps back a level choice
    or a review flag, in the order the user made the changes.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class IndicatorForm(QWidget):
    edited = Signal(str)  # the answer field the user just changed
    choiceRefused = Signal(str)  # a key asked for a choice this indicator does not have
    historyRequested = Signal()  # the "Riwayat perubahan" link under the form

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorFormHost")
        # A click anywhere on the form (the question, a label) puts the keyboard here, so the
        # level keys work and Tab walks the form, not the toolbar.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.ui = load_ui("indicator_form.ui", self)
        self.view: IndicatorView | None = None
        self._loading = False
        self.levels = LevelChoice(self.ui.levelsHost)
        self.ui.layoutLevels.addWidget(self.levels)
        self.evidence = EvidencePanel(self.ui, self, _NoFields())
        self._texts = (
            self.ui.editNaReason,
            self.ui.editJustification,
            self.ui.editFollowUp,
            self.ui.editReviewComment,
        )
        self._errors: dict[str, QLabel] = {
            "level": self.ui.errorLevel,
            "not_applicable": self.ui.errorLevel,
            "na_reason": self.ui.errorNaReason,
            "justification": self.ui.errorJustification,
            "follow_up": self.ui.errorFollowUp,
            "review_comment": self.ui.errorReviewComment,
        }
        self._set_words()
        self._style_roles()
        self._connect()

    # Setup ------------------------------------------------------------------

    def _set_words(self) -> None:
        apply_texts(
            self.ui,
            {
                "labelLevelsTitle": t("Tingkat kematangan", "Maturity level"),
                "labelNaReason": t("Alasan tidak berlaku", "Reason it does not apply"),
                "editNaReason.placeholder": t(
                    "mis. Urusan ini bukan kewenangan OPD kami",
                    "e.g. This is not our agency's remit",
                ),
                "labelJustification": t("Justifikasi", "Justification"),
                "editJustification.placeholder": t(
                    "Jelaskan kondisi nyata yang mendukung tingkat yang dipilih: apa yang sudah berjalan, sejak kapan, dasar hukumnya.",
                    "Describe what supports the chosen level: what runs already, since when, on which legal basis.",
                ),
                "groupEvidence": t("Bukti dukung", "Evidence"),
                "tableEvidence.name": t("Daftar bukti dukung", "Evidence list"),
                "buttonAddFile": t("Lampirkan berkas…", "Attach file…"),
                "buttonAddReference": t("Tambah tanpa berkas…", "Add without file…"),
                "labelDropHint": t(
                    "Seret berkas dari Explorer ke formulir ini untuk melampirkannya.",
                    "Drag files from Explorer onto this form to attach them.",
                ),
                "buttonEditEvidence": t("Ubah…", "Edit…"),
                "buttonOpenEvidence": t("Buka", "Open"),
                "buttonRemoveEvidence": t("Hapus", "Remove"),
                "labelFollowUp": t("Rencana tindak lanjut", "Follow-up plan"),
                "editFollowUp.placeholder": t(
                    "Langkah perbaikan untuk tahun berikutnya", "Improvements planned for next year"
                ),
                "groupReview": t("Tinjauan", "Review"),
                "editReviewComment.name": t("Catatan tinjauan", "Review note"),
                "checkReview": t("Tandai untuk ditinjau ulang", "Mark for review"),
                "editReviewComment.placeholder": t(
                    "Catatan peninjau (apa yang perlu dilihat lagi)",
                    "Reviewer's comment (what needs another look)",
                ),
            },
        )

    def _style_roles(self) -> None:
        """Names the style sheet uses (ui/style.qss) for labels that share one look."""
        for label, role in (
            (self.ui.labelBreadcrumb, "breadcrumb"),
            (self.ui.labelCode, "code"),
            (self.ui.labelLens, "chip"),
            (self.ui.labelPosition, "muted"),
            (self.ui.labelQuestion, "question"),
            (self.ui.labelGuidance, "guidance"),
            (self.ui.labelNote, "note"),
            (self.ui.labelLevelsTitle, "section"),
            (self.ui.labelLevelRule, "levelRule"),
            (self.ui.labelJustification, "section"),
            (self.ui.labelFollowUp, "section"),
            (self.ui.labelCount, "muted"),
            (self.ui.labelDropHint, "muted"),
            (self.ui.labelChanged, "muted"),
            (self.ui.labelHints, "hint"),
            (self.ui.errorEvidence, "error"),
            *((label, "error") for label in set(self._errors.values())),
        ):
            label.setProperty("role", role)
        for label in self._errors.values():
            label.hide()
        self.ui.labelHints.hide()
        self.ui.labelChanged.setTextFormat(Qt.TextFormat.RichText)
        self.ui.labelChanged.linkActivated.connect(lambda _link: self.historyRequested.emit())

    def _connect(self) -> None:
        self.levels.chosen.connect(self._level_chosen)
        self.ui.editNaReason.textEdited.connect(lambda _text: self._changed("na_reason"))
        self.ui.editJustification.textChanged.connect(lambda: self._changed("justification"))
        self.ui.editFollowUp.textChanged.connect(lambda: self._changed("follow_up"))
        self.ui.checkReview.toggled.connect(lambda _on: self._changed("review_flag"))
        self.ui.editReviewComment.textEdited.connect(lambda _text: self._changed("review_comment"))
        self.ui.editJustification.textChanged.connect(self._update_count)
        passthrough = _UndoPassThrough(self)
        for widget in self._texts:
            widget.installEventFilter(passthrough)
            if isinstance(widget, QPlainTextEdit):
                widget.setUndoRedoEnabled(False)

    # Showing ----------------------------------------------------------------

    def show_indicator(
        self, view: IndicatorView, store: Store, assessment_id: int, fields: FieldMessages
    ) -> None:
        """Fill the form for another indicator (or the same one again after a reload)."""
        self.view = view
        indicator, catalogue = view.indicator, view.catalogue
        self.ui.labelBreadcrumb.setText(f"{view.dimension.name}  ›  {view.element.name}")
        self.ui.labelCode.setText(indicator.code)
        lens = next((lens for lens in catalogue.lenses if lens.code == indicator.lens), None)
        lens_name = str(lens.name) if lens else ""
        short = lens_name.split(" (")[0]
        self.ui.labelLens.setText(str(t(f"Lensa: {short}", f"Lens: {short}")))
        self.ui.labelLens.setToolTip(
            str(t(f"Lensa evaluasi: {lens_name}", f"Evaluation lens: {lens_name}"))
        )
        self.ui.labelLens.setVisible(lens is not None)
        self.ui.labelPosition.setText(
            str(
                t(
                    f"Indikator {view.position} dari {view.count}",
                    f"Indicator {view.position} of {view.count}",
                )
            )
        )
        self.ui.labelQuestion.setText(str(indicator.question))
        guidance = str(indicator.guidance)
        self.ui.labelGuidance.setText(
            str(t("Bukti dukung yang diharapkan: ", "Evidence expected: ")) + guidance
        )
        self.ui.labelGuidance.setVisible(bool(guidance))
        _show_text(self.ui.labelNote, t("Catatan: ", "Note: "), str(indicator.note))
        _show_text(
            self.ui.labelLevelRule,
            t("Cara memilih: ", "How to choose: "),
            str(catalogue.level_rule),
        )
        choices = [
            Choice(
                level.level,
                f"{level.level} · {level.label}",
                str(level.description),
                str(t("Bukti minimum: ", "Minimum evidence: ")) + str(level.evidence)
                if level.evidence.id
                else "",
            )
            for level in indicator.levels
        ]
        if indicator.allow_na:
            choices.append(
                Choice(
                    NOT_APPLICABLE,
                    str(t("N · Tidak berlaku", "N · Not applicable")),
                    str(
                        t(
                            "Indikator ini tidak relevan bagi OPD; alasan wajib diisi.",
                            "This indicator does not concern the agency; a reason is required.",
                        )
                    ),
                )
            )
        self.levels.set_choices(choices)
        self._set_tab_order()
        self.levels.mark_previous(
            view.previous_level, str(t(f"Tahun {view.previous_year}", f"Year {view.previous_year}"))
        )
        self.clear_errors()
        self.set_state(view.answer)
        self.set_changed(view.answer)
        self.set_editable(view.editable)
        self.evidence.bind(
            store, assessment_id, indicator.code, view.answer.evidence, view.editable, fields
        )

    def _set_tab_order(self) -> None:
        """Tab walks the form top to bottom: levels, reason, justification, evidence, plan, review."""
        ui = self.ui
        chain = [
            *(card.radio for card in self.levels.cards()),
            ui.editNaReason,
            ui.editJustification,
            ui.tableEvidence,
            ui.buttonAddFile,
            ui.buttonAddReference,
            ui.buttonEditEvidence,
            ui.buttonOpenEvidence,
            ui.buttonRemoveEvidence,
            ui.editFollowUp,
            ui.checkReview,
            ui.editReviewComment,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_state(self, answer: Answer) -> None:
        """Show an answer's fields without reporting them as edits (load, undo, redo)."""
        self._loading = True
        try:
            self.levels.set_value(NOT_APPLICABLE if answer.not_applicable else answer.level)
            _set_text(self.ui.editNaReason, answer.na_reason)
            _set_text(self.ui.editJustification, answer.justification)
            _set_text(self.ui.editFollowUp, answer.follow_up)
            self.ui.checkReview.setChecked(answer.review_flag)
            _set_text(self.ui.editReviewComment, answer.review_comment)
            self.ui.naReasonBox.setVisible(answer.not_applicable)
        finally:
            self._loading = False
        self._update_count()

    def state(self) -> Answer:
        """The answer as the form shows it now (its evidence is stored apart, see EvidencePanel)."""
        assert self.view is not None
        choice = self.levels.value()
        not_applicable = choice == NOT_APPLICABLE
        return Answer(
            self.view.indicator.code,
            level=None if choice is None or not_applicable else choice,
            not_applicable=not_applicable,
            na_reason=self.ui.editNaReason.text() if not_applicable else "",
            justification=self.ui.editJustification.toPlainText(),
            follow_up=self.ui.editFollowUp.toPlainText(),
            review_flag=self.ui.checkReview.isChecked(),
            review_comment=self.ui.editReviewComment.text(),
        )

    def set_evidence(self, items: list[Evidence]) -> None:
        self.evidence.set_items(items)

    def set_changed(self, answer: Answer) -> None:
        """Who changed the answer last and when, with the link to its whole history."""
        if answer.changed_at:
            text = t(
                f"Terakhir diubah oleh {escape(answer.changed_by)}, {format_timestamp(answer.changed_at)}.",
                f"Last changed by {escape(answer.changed_by)}, {format_timestamp(answer.changed_at)}.",
            )
        else:
            text = t("Belum pernah disimpan.", "Not saved yet.")
        link = t("Riwayat perubahan…", "Change history…")
        self.ui.labelChanged.setText(f'{text} <a href="history">{link}</a>')

    def set_hints(self, hints: list[str]) -> None:
        self.ui.labelHints.setText(str(t("Perlu dilengkapi: ", "Still to do: ")) + " ".join(hints))
        self.ui.labelHints.setVisible(bool(hints))

    def set_editable(self, editable: bool) -> None:
        self.levels.set_editable(editable)
        for widget in self._texts:
            widget.setReadOnly(not editable)
        self.ui.checkReview.setEnabled(editable)
        self.setProperty("locked", not editable)

    def focus_start(self) -> None:
        """Where the keyboard starts on a new indicator: the level cards (1-5 and arrows work)."""
        if self.view is not None and self.view.editable:
            self.levels.focus_current()

    # Editing ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1-5 and N choose while the keyboard is on the form and not in a text field (a
        text field, and the evidence list's type-ahead, take their keys first)."""
        value = LEVEL_KEYS.get(Qt.Key(event.key()))
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if value is None or plain != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        event.accept()
        self.choose(value)

    def choose(self, value: int) -> None:
        """Keys 1-5 and N: choose a level (N also asks for the reason); the keyboard stays on the
        chosen card, so Tab goes on to the reason or the justification."""
        if self.view is None or not self.view.editable:
            return
        if self.levels.choose(value):
            if value != NOT_APPLICABLE:
                self.levels.focus_current()
        else:
            self.choiceRefused.emit(
                str(
                    t(
                        f"Indikator {self.view.indicator.code} tidak dapat dijawab 'tidak berlaku'.",
                        f"Indicator {self.view.indicator.code} cannot be answered 'not applicable'.",
                    )
                )
            )

    def _level_chosen(self, value: int) -> None:
        not_applicable = value == NOT_APPLICABLE
        self.ui.naReasonBox.setVisible(not_applicable)
        self._hide_error("level")
        if not not_applicable:
            self._hide_error("na_reason")
        self._changed("level")
        if not_applicable:
            self.ui.editNaReason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, field: str) -> None:
        if not self._loading and self.view is not None:
            self.edited.emit(field)

    def _update_count(self) -> None:
        count = len(self.ui.editJustification.toPlainText())
        self.ui.labelCount.setText(
            str(
                t(
                    f"{locale().toString(count)} / {locale().toString(MAX_TEXT)} karakter",
                    f"{locale().toString(count)} / {locale().toString(MAX_TEXT)} characters",
                )
            )
        )
        self.ui.labelCount.setProperty("role", "error" if count > MAX_TEXT else "muted")
        self.ui.labelCount.style().polish(self.ui.labelCount)

    # Errors next to their field -----------------------------------------------------

    def show_error(self, field: str, message: str) -> bool:
        if field in EVIDENCE_FIELDS:
            self.evidence.show_error(message)
            return True
        label = self._errors.get(field)
        if label is None:
            return False
        label.setText(message)
        label.show()
        return True

    def _hide_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()

    def clear_error(self, field: str) -> None:
        if field in EVIDENCE_FIELDS:
            self.evidence.clear_error()
        else:
            self._hide_error(field)

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()


class _NoFields:
    """Until an indicator is shown, errors have no field to go next to."""

    def show_error(self, field: str, message: str) -> bool:
        return False


def _show_text(label: QLabel, lead: LocalText, text: str) -> None:
    """A catalogue text with its lead-in, hidden when the catalogue has none."""
    label.setText(str(lead) + text)
    label.setVisible(bool(text))


def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Replace a field's text only when it differs; the cursor goes to the end of the change (undo, redo)."""
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if current == text:
        return
    common = next(
        (i for i, (a, b) in enumerate(zip(current, text, strict=False)) if a != b),
        min(len(current), len(text)),
    )
    position = common + max(0, len(text) - len(current))
    if isinstance(widget, QLineEdit):
        widget.setText(text)
        widget.setCursorPosition(position)
        return
    widget.setPlainText(text)
    cursor = widget.textCursor()
    cursor.setPosition(position)
    widget.setTextCursor(cursor)
