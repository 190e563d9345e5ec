"""File → Add curriculum pack… and File → Remove curriculum pack: the learner's own packs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..content import ContentError, Problem
from ..tracker import Tracker, TrackerError


class PackProblemsDialog(QDialog):
    """Every problem of a refused pack, with file, id and field, ready to copy."""

    def __init__(self, folder: Path, problems: list[Problem], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Curriculum pack not added")
        count = len(problems)
        intro = QLabel(f"<b>{folder}</b> was not added: it has {count} "
                       f"problem{'s' if count != 1 else ''}. Nothing was changed. Fix these "
                       "and add it again (<code>cairn validate FOLDER</code> checks a pack "
                       "from a terminal).")
        intro.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(str(p) for p in problems))
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Problems in the pack")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)


class PackMenu(QObject):
    """Adds the pack actions to a File menu and carries them out through the tracker."""

    def __init__(self, menu: QMenu, tracker: Tracker, parent: QWidget,
                 on_content_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.parent_widget = parent
        self.on_content_changed = on_content_changed
        self.problems_dialog: PackProblemsDialog | None = None
        add = menu.addAction("&Add curriculum pack…")
        add.triggered.connect(self._choose_and_add)
        self.remove_menu = menu.addMenu("&Remove curriculum pack")
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        self._fill_remove_menu()

    def _choose_and_add(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, "Choose the folder of a curriculum pack (it holds pack.toml)")
        if folder:
            self.add(Path(folder))

    def add(self, folder: Path) -> bool:
        """Validate and add a pack; show every problem if it is refused."""
        try:
            change = self.tracker.add_pack(folder)
        except ContentError as error:
            self.problems_dialog = PackProblemsDialog(folder, error.problems, self.parent_widget)
            self.problems_dialog.open()
            return False
        except (TrackerError, OSError) as error:
            QMessageBox.warning(self.parent_widget, "Curriculum pack not added", str(error))
            return False
        self.on_content_changed()
        self.parent_widget.statusBar().showMessage(  # type: ignore[attr-defined]
            f"Added curriculum pack {change.ids[0]} {change.new}", 8000)
        return True

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        packs = self.tracker.own_packs()
        self.remove_menu.setEnabled(bool(packs))
        for pack in packs:
            action = self.remove_menu.addAction(f"{pack.name} ({pack.id} {pack.version})")
            action.triggered.connect(lambda _c=False, p=pack.id: self.remove(p, confirm=True))

    def remove(self, pack_id: str, *, confirm: bool) -> bool:
        """Remove an added pack; progress on its items is kept."""
        if confirm:
            answer = QMessageBox.question(
                self.parent_widget, "Remove curriculum pack",
                f"Remove the pack '{pack_id}'? Its items leave the checklists; your progress "
                "and notes on them are kept and come back if you add the pack again.")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.tracker.remove_pack(pack_id)
        self.on_content_changed()
        return True
