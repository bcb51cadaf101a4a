"""Autosave, undo and validation for the answer shown in the form.

Nothing typed may be lost: every change is written within a second (a short
pause after the last keystroke, never longer than SAVE_MAX_DELAY_MS after
the first unsaved one), and at once on a focus change, an indicator or
dimension switch and on close. When a rule refuses the answer (a missing
"not applicable" reason, a text too long) the message goes next to the
field and everything else in the answer is still saved.

When the store cannot take a save at all (another program holds the write
lock past the wait, the disk is full), the answer is kept as typed, the
window says it is not saved yet, and it is tried again every few seconds.

Undo covers answer edits in this session, across indicators: one step is a
typing burst up to an autosave tick, a level choice, a flag, or a copy of
last year's answer.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from kotacerdas_desktop.domain.answer_schema import EDITED_ANSWER_NAMES
from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.hints import answer_hints
from kotacerdas_desktop.domain.model import Answer, Assessment
from kotacerdas_desktop.domain.previous import is_new, previous_answers
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.indicator_form import EVIDENCE_FIELDS, IndicatorForm, IndicatorView
from kotacerdas_desktop.gui.level_choice import NOT_APPLICABLE
from kotacerdas_desktop.gui.operations import Change
from kotacerdas_desktop.gui.previous_panel import PreviousPanel
from kotacerdas_desktop.store import Store

SAVE_DELAY_MS = 500
SAVE_MAX_DELAY_MS = 1000
RETRY_MS = 3000  # a save the store could not take (another program writing) is tried again
TEXT_FIELDS = ("na_reason", "justification", "follow_up", "review_comment")
FORM_FIELDS = (*EDITED_ANSWER_NAMES, *EVIDENCE_FIELDS)
# A refused field is saved as it was stored, together with the fields that only make sense with it.
FIELD_GROUPS = {
    "level": ("level", "not_applicable", "na_reason"),
    "not_applicable": ("level", "not_applicable", "na_reason"),
    "na_reason": ("level", "not_applicable", "na_reason"),
}
FIELD_NAMES = {
    "level": t("pilihan tingkat", "level choice"),
    "na_reason": t("alasan tidak berlaku", "not-applicable reason"),
    "justification": t("justifikasi", "justification"),
    "follow_up": t("rencana tindak lanjut", "follow-up plan"),
    "review_flag": t("tanda tinjauan", "review flag"),
    "review_comment": t("catatan peninjau", "reviewer's comment"),
    "copy": t("salin jawaban tahun lalu", "copy of last year's answer"),
}


def same_fields(a: Answer, b: Answer) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in EDITED_ANSWER_NAMES)


class AnswerEdit(QUndoCommand):
    """One step back: the answer of one indicator before and after a change."""

    def __init__(self, editor: AnswerEditor, before: Answer, after: Answer, field: str) -> None:
        super().__init__(f"{FIELD_NAMES.get(field, field)} {after.indicator_code}")
        self.editor, self.before, self.after, self.field = editor, before, after, field
        self.closed = False  # an autosave tick ends a typing step
        self._pushed = False

    @property
    def code(self) -> str:
        return self.after.indicator_code

    def id(self) -> int:
        return 1 if self.field in TEXT_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            self.closed
            or not isinstance(other, AnswerEdit)
            or (other.code, other.field) != (self.code, self.field)
        ):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo(); the form shows the change already
            self._pushed = True
            return
        self.editor.apply(self.after)

    def undo(self) -> None:
        self.editor.apply(self.before)


class _IndicatorFields:
    """Errors of one indicator: recorded for the navigation, shown when that indicator is on screen."""

    def __init__(self, editor: AnswerEditor, code: str) -> None:
        self.editor, self.code = editor, code
        self.last_field = ""
        self.storage_error = ""  # the store refused the whole save: kept and tried again

    def show_error(self, field: str, message: str) -> bool:
        if field == "db":
            self.storage_error = message
            return True
        if field not in FORM_FIELDS:
            return False  # not about a field of this answer: the window shows it
        self.last_field = field
        self.editor.errors.setdefault(self.code, {})[field] = message
        self.editor.answerChanged.emit(self.code)
        if self.code == self.editor.code:
            return self.editor.form.show_error(field, message)
        return True


class AnswerEditor(QObject):
    saved = Signal(str, float)  # indicator code, seconds the store call took
    answerChanged = Signal(str)  # an answer, its evidence or its problems changed
    currentChanged = Signal(str)  # another indicator is shown
    message = Signal(str)  # a passing remark for the status bar
    unsaved = Signal(str)  # why answers are kept unsaved for now (they are tried again)

    def __init__(
        self, store: Store, form: IndicatorForm, previous: PreviousPanel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.store, self.form, self.previous_panel = store, form, previous
        self.undo_stack = QUndoStack(self)
        self.assessment: Assessment | None = None
        self.catalogue: Catalogue | None = None
        self.answers: dict[str, Answer] = {}
        self.previous: dict[str, Answer] = {}
        self.previous_year: int | None = None
        self.previous_catalogue: Catalogue | None = None
        self.errors: dict[str, dict[str, str]] = {}
        self.code = ""
        self._state: Answer | None = None
        self._dirty_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.pending: dict[tuple[int, str], Answer] = {}  # (assessment id, code): not stored yet
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.retry_pending)
        form.edited.connect(self._edited)
        form.choiceRefused.connect(self.message)
        previous.copyRequested.connect(self.copy_previous)
        operations.notifier().changed.connect(self._store_changed)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def close(self) -> None:
        """Save what is pending and stop listening (the window is closing; its store will be closed)."""
        self.flush()
        self.retry_pending()
        self._timer.stop()
        self._retry.stop()
        operations.notifier().changed.disconnect(self._store_changed)
        QApplication.instance().focusChanged.disconnect(self._focus_changed)  # type: ignore[union-attr]
        self.assessment = None

    # Loading and showing ----------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.assessment is not None and not self.assessment.is_finalized

    @property
    def dirty(self) -> bool:
        return self._dirty_since is not None

    def load(self, assessment: Assessment | None) -> None:
        """Work on another assessment (or the same one re-read after finalize or reopen)."""
        self.flush()
        self.undo_stack.clear()
        self.assessment, self.errors, self.code, self._state = assessment, {}, "", None
        self.answers, self.previous, self.previous_year = {}, {}, None
        self.catalogue = self.previous_catalogue = None
        if assessment is None:
            return
        self.catalogue = self.store.assessments.catalogue_of(assessment)
        self.answers = self.store.assessments.answers(assessment.id)
        last = self.store.assessments.current(assessment.agency_code, assessment.year - 1)
        if last is not None:
            self.previous = previous_answers(
                self.catalogue, self.store.assessments.answers(last.id)
            )
            self.previous_year = last.year
            self.previous_catalogue = self.store.assessments.catalogue_of(last)

    def answer(self, code: str) -> Answer:
        return self.answers.get(code) or Answer(code)

    def show(self, code: str) -> None:
        """Show an indicator (saving the one shown first)."""
        if code == self.code or self.assessment is None or self.catalogue is None:
            return
        self.flush()
        self.code = code
        self._render()
        self.currentChanged.emit(code)

    def _render(self) -> None:
        assert self.assessment is not None and self.catalogue is not None
        dimension, element, indicator = self.catalogue.locate(self.code)
        codes = [i.code for i in dimension.indicators()]
        previous = self.previous.get(self.code)
        previous_level = None
        if previous is not None and previous.is_answered:
            previous_level = NOT_APPLICABLE if previous.not_applicable else previous.level
        view = IndicatorView(
            self.catalogue,
            dimension,
            element,
            indicator,
            codes.index(self.code) + 1,
            len(codes),
            self.answer(self.code),
            self.editable,
            previous_level,
            self.previous_year,
        )
        self.form.show_indicator(view, self.store, self.assessment.id, self.fields_for(self.code))
        for field, text in self.errors.get(self.code, {}).items():
            self.form.show_error(field, text)
        self.form.set_hints(self.hints(self.code))
        new = self.previous_catalogue is not None and is_new(indicator, self.previous_catalogue)
        self.previous_panel.show_previous(
            indicator, previous, self.previous_year, self.editable, new=new
        )
        self._state = self.form.state()

    def fields_for(self, code: str) -> _IndicatorFields:
        return _IndicatorFields(self, code)

    def hints(self, code: str) -> list[str]:
        return [str(text) for _, text in answer_hints(self.answers.get(code))]

    def problems(self, code: str) -> list[str]:
        """Refused changes and gaps the navigation marks (and lists under "has problems")."""
        return list(self.errors.get(code, {}).values()) + self.hints(code)

    # Editing ------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        if not self.editable or self._state is None:
            return
        after = self.form.state()
        if same_fields(after, self._state):
            return
        before, self._state = self._state, after
        self.undo_stack.push(AnswerEdit(self, before, after, field))
        self._schedule()

    def copy_previous(self) -> None:
        old = self.previous.get(self.code)
        if old is None or self._state is None or not self.editable:
            return
        after = replace(
            self._state,
            level=old.level,
            not_applicable=old.not_applicable,
            na_reason=old.na_reason,
            justification=old.justification,
            follow_up=old.follow_up,
        )
        if same_fields(after, self._state):
            return
        before, self._state = self._state, after
        self.form.set_state(after)
        self.undo_stack.push(AnswerEdit(self, before, after, "copy"))
        self._schedule()
        self.flush()

    def apply(self, answer: Answer) -> None:
        """Undo/redo: show the indicator, put the answer in the form, save it."""
        if answer.indicator_code != self.code:
            self.show(answer.indicator_code)
        self.form.set_state(answer)
        self._state = self.form.state()
        self._schedule()
        self.flush()

    def _schedule(self) -> None:
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        waited = (now - self._dirty_since) * 1000
        self._timer.start(int(max(0, min(SAVE_DELAY_MS, SAVE_MAX_DELAY_MS - waited))))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.dirty:
            self.flush()

    # Saving ---------------------------------------------------------------

    def flush(self) -> bool:
        """Write the pending change now; False when a rule refused part of it (shown by the field)."""
        if not self.dirty or self._state is None or self.assessment is None:
            return True
        self._timer.stop()
        self._dirty_since = None
        self._close_step()
        code = self._state.indicator_code
        stored = self.answer(code)
        answer = replace(self._state, evidence=stored.evidence)
        fields = self.fields_for(code)
        for field in EDITED_ANSWER_NAMES:
            self.errors.get(code, {}).pop(field, None)
            if code == self.code:
                self.form.clear_error(field)
        result = operations.save_answer(self.store, self.assessment.id, answer, fields)
        if result is None and fields.storage_error:
            self._keep_pending(self.assessment.id, answer, fields.storage_error)
            return False
        self.pending.pop((self.assessment.id, code), None)
        complete = result is not None
        if result is None and fields.last_field:
            kept = FIELD_GROUPS.get(fields.last_field, (fields.last_field,))
            partial = replace(answer, **{name: getattr(stored, name) for name in kept})
            if not same_fields(partial, stored):
                result = operations.save_answer(self.store, self.assessment.id, partial)
        if result is not None:
            self.answers[code] = result
            if code == self.code:
                self.form.set_changed(result)
                self.form.set_hints(self.hints(code))
            self.saved.emit(code, operations.timings(operations.ANSWER)[-1])
        self.answerChanged.emit(code)
        return complete

    def _keep_pending(self, assessment_id: int, answer: Answer, reason: str) -> None:
        """Keep an answer the store could not take, show it as typed, say why, try again soon."""
        code = answer.indicator_code
        self.pending[(assessment_id, code)] = answer
        if self.assessment is not None and self.assessment.id == assessment_id:
            self.answers[code] = answer
            self.answerChanged.emit(code)
        self._retry.start(RETRY_MS)
        self.unsaved.emit(reason)

    def retry_pending(self) -> None:
        """Store the answers kept unsaved; what the store still cannot take waits for the next try."""
        for (assessment_id, code), answer in list(self.pending.items()):
            fields = self.fields_for(code)
            result = operations.save_answer(self.store, assessment_id, answer, fields)
            if result is None and fields.storage_error:
                self._keep_pending(assessment_id, answer, fields.storage_error)
                return
            del self.pending[
                (assessment_id, code)
            ]  # stored, or refused by a rule (shown by its field)
            if (
                result is not None
                and self.assessment is not None
                and self.assessment.id == assessment_id
            ):
                self.answers[code] = result
                if code == self.code:
                    self.form.set_changed(result)
                self.saved.emit(code, operations.timings(operations.ANSWER)[-1])

    def _close_step(self) -> None:
        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, AnswerEdit):
                command.closed = True

    def _store_changed(self, change: Change) -> None:
        """Evidence is added and removed outside the form's fields: re-read it for its answer."""
        if change.kind == operations.FOLLOW_UP:
            self._take_stored_answers(change)
            return
        if (
            change.kind != operations.EVIDENCE
            or self.assessment is None
            or change.assessment_id != self.assessment.id
            or not change.indicator_code
        ):
            return
        code = change.indicator_code
        evidence = self.store.assessments.answer(self.assessment.id, code).evidence
        self.answers[code] = replace(self.answer(code), evidence=evidence)
        for field in EVIDENCE_FIELDS:
            self.errors.get(code, {}).pop(field, None)
        if code == self.code:
            self.form.set_evidence(evidence)
            self.form.clear_error("file")
            self.form.set_hints(self.hints(code))
        self.answerChanged.emit(code)

    def _take_stored_answers(self, change: Change) -> None:
        """A plan's steps were written into follow-up plans: show what is stored, so the form
        never saves its older copy over them. Undo starts afresh, since an older step would."""
        if self.assessment is None or change.assessment_id not in (None, self.assessment.id):
            return
        stored = self.store.assessments.answers(self.assessment.id)
        changed = [code for code, a in stored.items() if not same_fields(a, self.answer(code))]
        if not changed:
            return
        self.undo_stack.clear()
        for code in changed:
            self.answers[code] = stored[code]
            if code == self.code:
                self.form.set_state(stored[code])
                self.form.set_changed(stored[code])
                self._state = self.form.state()
            self.answerChanged.emit(code)
