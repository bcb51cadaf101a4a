"""The English interface (KOTACERDAS_LANG=en) comes from the same forms."""

from __future__ import annotations

from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory


def test_window_speaks_english(
    english: None, demo_store: Store, open_window: WindowFactory
) -> None:
    window: MainWindow = open_window(demo_store)
    assert window.form.ui.labelJustification.text() == "Justification"
    assert window.form.ui.groupEvidence.title() == "Evidence"
    assert window.menuBar().actions()[0].text() == "&File"
    assert (
        window.findChild(type(window.actions.menu_assessment), "menuAssessment").title()
        == "&Assessment"
    )
    assert "indicators answered" in window.navigation.ui.labelCompleteness.text()
    question = window.form.ui.labelQuestion.text()
    assert question == str(window.editor.catalogue.indicator(window.editor.code).question)  # type: ignore[union-attr]
    assert question.startswith(
        ("To what", "How", "Does", "Is", "Has", "Are", "What", "Which", "Do")
    )
