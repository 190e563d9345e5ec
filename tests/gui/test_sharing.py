"""Export from the window, import into it, and the mentor's read-only views."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt

from cairn.gui.sharing.cohort import write_csv
from cairn.gui.widgets.node import Node
from cairn.gui.window.main_window import MainWindow
from cairn.reports.export import export
from cairn.tracker import Tracker


def _learner_export(tmp_path: Path, shipped_pack: Path, name: str, done: int) -> Path:
    with Tracker.open(tmp_path / name, shipped_pack) as t:
        for item in list(t.curriculum.items.values())[:done]:
            t.set_status(item.id, "done")
        t.set_note(t.curriculum.week_items("w01")[0].id, f"{name} learned uv")
        t.set_setting("learner_name", name.capitalize())
        t.set_target_roles("llm-engineer")
        target = export(t.snapshot(), "json", tmp_path / f"{name}.json").path
    return target


def test_export_dialog_previews_then_writes_and_remembers(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    item_id = window.tracker.curriculum.week_items("w01")[0].id
    window.tracker.set_note(item_id, "My shared **journal** entry")
    window.tracker.set_note(
        window.tracker.curriculum.week_items("w01")[1].id, "secret", private=True
    )
    dialog = window.sharing.show_export_dialog()
    dialog.name.setText("Ada")
    dialog.questions.setPlainText("Is my eval harness rigorous enough?")
    preview = dialog.preview.toPlainText()
    assert "Progress summary: Ada" in preview and "My shared journal entry" in preview
    assert "Is my eval harness rigorous enough?" in preview and "secret" not in preview
    dialog.notes.setChecked(False)
    assert "My shared journal entry" not in dialog.preview.toPlainText()
    dialog.notes.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    target = tmp_path / "ada.md"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(target)
    assert "My shared **journal** entry" in target.read_text()
    dialog.close()
    again = window.sharing.show_export_dialog()
    assert again.fmt() == "md" and again.name.text() == "Ada"
    assert again.questions.toPlainText() == "Is my eval harness rigorous enough?"
    assert "marked as sent" in again.period.currentText()
    again.close()


def test_pdf_export_runs_on_a_worker_and_writes_a_pdf(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    dialog = window.sharing.show_export_dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    target = tmp_path / "ada.pdf"
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.partial"))
    dialog.close()


def test_import_merges_and_refreshes_the_window(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    shipped_pack: Path,
) -> None:
    source = _learner_export(tmp_path, shipped_pack, "laptop", 5)
    first = next(iter(window.tracker.curriculum.items))
    window.sharing.import_file(source, confirm=False)
    qtbot.waitUntil(lambda: window.tracker.status(first) == "done", timeout=10_000)
    assert "Imported 5 statuses" in window.sharing.last_report
    assert "Whole path: 5 of" in window.overall.text()
    assert list((window.tracker.data_dir / "backups").glob("*before-import*"))


def test_a_bad_import_is_refused_in_the_window_and_changes_nothing(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    bad = tmp_path / "half.json"
    bad.write_text('{"format": "cairn-progress", "schema": 1, "items": [{"id": "x"')
    window.sharing.import_file(bad, confirm=False)
    qtbot.waitUntil(lambda: window.sharing.message is not None, timeout=10_000)
    assert str(bad) in window.sharing.message.text()
    assert window.tracker.statuses() == {}
    window.sharing.message.close()


def test_a_learner_summary_opens_read_only(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    shipped_pack: Path,
) -> None:
    source = _learner_export(tmp_path, shipped_pack, "ada", 12)
    before = source.read_bytes()
    view = window.sharing.open_summary(source)
    assert view.banner.isVisible() and "Ada's progress" in view.banner.text()
    assert "read-only" in view.windowTitle()
    view.show_node(Node("week", "w01"))
    item_id = view.checklist.current_item_id()
    status = view.tracker.status(item_id)
    view.checklist.setFocus()
    qtbot.keyClick(view.checklist, Qt.Key.Key_Space)
    assert view.tracker.status(item_id) == status
    assert "Not changed" in view.statusBar().currentMessage()
    assert view.detail.note.editor.isReadOnly()
    assert not view.sharing.export_action.isEnabled()
    assert window.tracker.statuses() == {}  # the mentor's own data is untouched
    folder = view.tracker.database_path.parent
    view.close()
    assert not folder.exists() and source.read_bytes() == before


def test_a_learner_summary_offers_no_pack_actions(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    shipped_pack: Path,
) -> None:
    """File → Add curriculum pack…, Curriculum packs… and Remove curriculum pack are
    disabled in a mentor's read-only window (they would only be refused), not in one's own."""
    source = _learner_export(tmp_path, shipped_pack, "ada", 3)
    assert window.packs.add_action.isEnabled() and window.packs.manage_action.isEnabled()
    view = window.sharing.open_summary(source)
    packs = view.packs
    packs.remove_menu.aboutToShow.emit()  # as when the learner opens the submenu
    assert not packs.add_action.isEnabled() and not packs.manage_action.isEnabled()
    assert not packs.remove_menu.isEnabled()
    titles = [a.text() for a in view.menuBar().actions()[0].menu().actions() if a.text()]
    assert "&Add curriculum pack…" in titles  # still listed, visibly unavailable
    view.close()


def test_several_summaries_make_a_sortable_cohort(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    shipped_pack: Path,
) -> None:
    paths = [
        _learner_export(tmp_path, shipped_pack, name, done)
        for name, done in (("ada", 30), ("bo", 5), ("cy", 60))
    ]
    cohort = window.sharing.open_summaries(paths)
    assert [r.learner for r in cohort.sorted_rows()] == ["Cy", "Ada", "Bo"]
    cohort.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r.learner for r in cohort.sorted_rows()] == ["Ada", "Bo", "Cy"]
    ada = cohort.sorted_rows()[0]
    assert ada.role == "LLM / AI Engineer" and ada.readiness is not None
    target = tmp_path / "cohort.csv"
    write_csv(cohort.sorted_rows(), target)
    with target.open(encoding="utf-8", newline="") as opened:
        rows = list(csv.reader(opened))
    assert rows[0][:5] == ["Learner", "Needs attention", "Overall %", "Pace", "Primary role"]
    assert [r[0] for r in rows[1:]] == ["Ada", "Bo", "Cy"]
    with qtbot.waitSignal(cohort.open_requested):
        cohort.table.activated.emit(cohort.proxy.index(1, 0))
    opened = window.sharing.opened[-1]
    assert "Bo" in opened.windowTitle()
    opened.close()
    cohort.close()
