"""Hints for answers that are saved but not yet convincing."""

from kotacerdas_desktop.domain.hints import answer_hints
from kotacerdas_desktop.domain.model import Answer, Evidence


def fields(answer: Answer | None) -> list[str]:
    return [field for field, _ in answer_hints(answer)]


def test_unanswered_and_not_applicable_have_no_hints() -> None:
    assert fields(None) == []
    assert fields(Answer("A.1")) == []
    assert fields(Answer("A.1", not_applicable=True, na_reason="bukan kewenangan")) == []


def test_a_level_without_justification_or_evidence_is_flagged() -> None:
    assert fields(Answer("A.1", level=3)) == ["justification", "evidence"]
    assert fields(Answer("A.1", level=3, justification="  ")) == ["justification", "evidence"]


def test_a_complete_answer_has_no_hints() -> None:
    answer = Answer("A.1", level=4, justification="SOP ditetapkan", evidence=[Evidence("SK")])
    assert answer_hints(answer) == []
    assert str(answer_hints(Answer("A.1", level=2))[0][1]) == "Justifikasi belum diisi."
