"""The readiness dashboard follows every change at once and explains itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.tracker import Tracker


@pytest.fixture
def window(open_window, data_dir: Path, shipped_pack: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    tracker = Tracker.open(data_dir, shipped_pack)
    tracker.set_target_roles("llm-engineer", ["ai-product-engineer"])
    return open_window(tracker)


def _open_dashboard(window: MainWindow) -> None:
    window.navigation.setCurrentIndex(window.navigation_model.index_of(Node("group", "readiness")))


def test_dashboard_shows_primary_role_with_explanation_and_steps(window: MainWindow) -> None:
    _open_dashboard(window)
    page = window.dashboard()
    assert window.centre.currentWidget() is page
    assert page.shown_role() == "llm-engineer"
    assert page.state.text().startswith("LLM / AI Engineer: 0.0 / 100")
    assert not page.primary.isEnabled()
    text = page.explanation.toPlainText()
    assert "Grounding and RAG 15%: area score 0; 0 of 22 items done" in text
    assert page.steps.rowCount() == 8
    assert page.radar.spokes and page.bars.rows
    assert window.detail.item_id == page.step_id(0)


def test_finishing_the_first_step_raises_the_score_by_its_gain(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    _open_dashboard(window)
    page = window.dashboard()
    first = window.tracker.readiness().next_steps("llm-engineer")[0]
    before = window.tracker.readiness().role("llm-engineer").score
    # the detail pane shows the first step: mark it done there, as a learner would
    done = next(b for b in window.detail.status_buttons.buttons() if b.property("status") == "done")
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    if window.tracker.item(first.item_id).is_milestone:
        window.detail.evidence.url.setText("https://example.org/proof")
        window.detail.evidence.add.click()
    after = window.tracker.readiness().role("llm-engineer").score
    assert after - before == pytest.approx(first.gain)
    assert page.state.text().startswith(f"LLM / AI Engineer: {after:.1f} / 100")
    readiness_row = window.navigation_model.index_of(Node("group", "readiness"))
    assert readiness_row.siblingAtColumn(1).data() == f"{after:.0f}"


def test_a_change_elsewhere_refreshes_the_dashboard_when_shown(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    _open_dashboard(window)
    page = window.dashboard()
    window.show_node(Node("week", "w05"))
    for item in window.tracker.curriculum.week_items("w05"):
        window.request_status(item.id, "done")
    _open_dashboard(window)
    expected = window.tracker.readiness().role("llm-engineer").score
    assert expected > 0
    assert page.state.text().startswith(f"LLM / AI Engineer: {expected:.1f} / 100")


def test_choosing_roles_from_the_dashboard(window: MainWindow) -> None:
    _open_dashboard(window)
    page = window.dashboard()
    page.role.setCurrentIndex(page.role.findData("applied-scientist"))
    assert page.primary.isEnabled()
    page.primary.click()
    assert window.tracker.primary_role() == "applied-scientist"
    assert window.tracker.target_roles()[0] == "applied-scientist"
    assert "Experimentation 25%" in page.explanation.toPlainText()
    llm = next(a for a in page.targets_menu.actions() if a.data() == "llm-engineer")
    llm.setChecked(False)
    assert "llm-engineer" not in window.tracker.target_roles()


def test_next_step_opens_the_item_in_its_week(window: MainWindow) -> None:
    _open_dashboard(window)
    page = window.dashboard()
    item_id = page.step_id(0)
    page.item_requested.emit(item_id)
    item = window.tracker.curriculum.items[item_id]
    assert window.node == Node("week", item.week_id)
    assert window.checklist.current_item_id() == item_id
