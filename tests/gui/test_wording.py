"""What the learner reads: one date format, plurals that agree, a reading pane that explains
its empty state, a Period label without a stray ampersand, a preview readable in the dark
theme, pack problems that wrap, and a translation that loads without code changes."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget

from cairn.content import Problem
from cairn.gui.operations import Operations, OperationStack
from cairn.gui.packs.menu import PackProblemsDialog
from cairn.gui.readings.detail import ReadingDetail
from cairn.gui.safety.menu import backups_kept
from cairn.gui.sharing.export_dialog import ExportDialog
from cairn.gui.widgets.dates import day, day_time
from cairn.gui.widgets.translator import install_translator
from cairn.tracker import Tracker


def test_the_window_writes_one_date_format() -> None:
    assert day(date(2026, 11, 30)) == "30 Nov 2026"
    assert day(date(2026, 12, 1)) == "1 Dec 2026"
    assert day_time(datetime(2026, 11, 30, 19, 5)) == "30 Nov 2026, 19:05"


def test_one_backup_is_one_backup() -> None:
    assert backups_kept(1) == "1 backup kept"
    assert backups_kept(3) == "3 backups kept"


def test_the_reading_pane_offers_nothing_until_a_reading_is_chosen(qtbot, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    detail = ReadingDetail(tracker, Operations(tracker, OperationStack(host), host), host)
    assert detail.title.text() == "No reading selected"
    assert "Choose a reading" in detail.meta.text()
    controls = [*detail.buttons.buttons(), detail.attach, detail.open_copy, detail.detach]
    assert not any(button.isEnabled() for button in controls)
    assert not any(button.isChecked() for button in detail.buttons.buttons())
    assert detail.attach_copy(Path("/tmp/x.pdf")) is False  # nothing to attach it to

    reading = next(iter(tracker.curriculum.readings))
    detail.show_reading(reading, [])
    assert all(button.isEnabled() for button in detail.buttons.buttons())
    assert detail.attach.isEnabled()
    detail.show_reading("", [])
    assert not any(button.isChecked() for button in detail.buttons.buttons())


def test_the_period_label_has_no_stray_ampersand(qtbot, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(tracker)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.period]
    assert [label.text() for label in labels] == ["&Period"]  # a mnemonic, drawn underlined


def test_the_preview_uses_the_theme_colours(qtbot, tracker: Tracker) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(tracker)
    qtbot.addWidget(dialog)
    dark = QPalette(dialog.preview.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#17181a"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dialog.preview.setPalette(dark)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    dialog.update_preview()

    cursor = QTextCursor(dialog.preview.document())
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert cursor.charFormat().foreground().color().name() == "#e6e6e6"  # the title
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    meta = cursor.charFormat().foreground().color()
    assert meta.lightness() > 128  # the period line: light grey on the dark background


def test_pack_problems_wrap(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    problems = [Problem("months/01.toml", "x " * 200, "an-item", "summary", 12)]
    dialog = PackProblemsDialog(tmp_path, problems, None)
    qtbot.addWidget(dialog)
    assert dialog.text.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert "it has 1 problem." in dialog.findChildren(QLabel)[0].text()


def test_a_translation_dropped_in_loads_without_code_changes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "cairn_de.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        "<context><name>ExportDialog</name><message><source>Export progress summary</source>"
        "<translation>Fortschritt exportieren</translation></message></context></TS>",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(source)], check=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, QLocale("de_DE"), tmp_path)
    try:
        assert translator is not None
        said = QCoreApplication.translate("ExportDialog", "Export progress summary")
        assert said == "Fortschritt exportieren"
    finally:
        if translator is not None:
            app.removeTranslator(translator)
    assert install_translator(app, QLocale("fr_FR"), tmp_path) is None  # none: English stays
