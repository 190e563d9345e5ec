"""File → Add curriculum pack…, File → Curriculum packs… and File → Remove curriculum pack: the
learner's own packs, including the ones disabled because they have problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...content import ContentError, Problem
from ...markup import escape
from ...packs import DisabledPack
from ...tracker import Change, Tracker
from ..operations import Operation, Operations

PACK_KEY_ROLE = Qt.ItemDataRole.UserRole


class PackProblemsDialog(QDialog):
    """Every problem of a refused pack, with file, id and field, ready to copy."""

    def __init__(self, folder: Path, problems: list[Problem], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Curriculum pack not added"))
        count = len(problems)
        has = (
            self.tr("it has 1 problem")
            if count == 1
            else self.tr("it has {count} problems").format(count=count)
        )
        intro = QLabel(
            self.tr(
                "<b>{folder}</b> was not added: {has}. Nothing was changed. Fix these "
                "and add it again (<code>cairn validate FOLDER</code> checks a pack "
                "from a terminal)."
            ).format(folder=escape(str(folder)), has=has)
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit("\n\n".join(str(p) for p in problems))
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Problems in the pack"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)


class PacksDialog(QDialog):
    """Every added pack — loaded or disabled with its problems — with Add and Remove."""

    def __init__(self, menu: PackMenu, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.menu = menu
        self.setWindowTitle(self.tr("Curriculum packs"))
        intro = QLabel(
            self.tr(
                "Packs you or a mentor added. A pack with problems is <b>disabled</b>: "
                "its items are hidden and your progress on them is kept. Fix its files "
                "(<code>cairn validate FOLDER</code> lists every problem) and add it "
                "again, or remove it."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Added curriculum packs"))
        self.list.currentItemChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the selected pack"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        add = buttons.addButton(self.tr("&Add…"), QDialogButtonBox.ButtonRole.ActionRole)
        add.clicked.connect(self._add)
        self.remove_button = buttons.addButton(
            self.tr("&Remove…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.remove_button.setAccessibleName(self.tr("Remove the selected pack"))
        self.remove_button.clicked.connect(self._remove_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.refresh()
        menu.operations.changed.connect(self._changed)

    def _changed(self, change: Change) -> None:
        """A pack was added, removed, or that was undone: list the packs as they are now."""
        if change.kind == "content":
            self.refresh()

    def refresh(self) -> None:
        """List the tracker's added packs as they are now; the first stays selected."""
        self.list.clear()
        tracker = self.menu.tracker
        for pack in tracker.own_packs():
            item = QListWidgetItem(f"{pack.name} ({pack.id} {pack.version})")
            item.setData(PACK_KEY_ROLE, pack.id)
            item.setToolTip(pack.path)
            self.list.addItem(item)
        for disabled in tracker.disabled_packs:
            item = QListWidgetItem(
                self.tr("{name} — disabled: {problem}").format(
                    name=disabled.name, problem=_first_problem(disabled)
                )
            )
            item.setData(PACK_KEY_ROLE, disabled.name)
            item.setToolTip(str(disabled.folder))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.remove_button.setEnabled(self.list.count() > 0 and not tracker.read_only)
        self._show_details()

    def _selected_key(self) -> str:
        item = self.list.currentItem()
        return str(item.data(PACK_KEY_ROLE)) if item is not None else ""

    def _show_details(self) -> None:
        key = self._selected_key()
        tracker = self.menu.tracker
        disabled = next((d for d in tracker.disabled_packs if d.name == key), None)
        if disabled is not None:
            text = f"{disabled.folder}\n\n" + "\n".join(str(p) for p in disabled.problems)
        else:
            pack = next((p for p in tracker.own_packs() if p.id == key), None)
            text = f"{pack.path}\n\n{pack.description}" if pack is not None else ""
        self.details.setPlainText(text)

    def _add(self) -> None:
        self.menu.choose_and_add()

    def _remove_selected(self) -> None:
        key = self._selected_key()
        if key:
            self.menu.remove(key, confirm=True)


def _first_problem(pack: DisabledPack) -> str:
    count = len(pack.problems)
    if not pack.problems:
        return QCoreApplication.translate("PacksDialog", "it could not be loaded")
    first = pack.problems[0].message
    if count == 1:
        return first
    if count == 2:
        return QCoreApplication.translate("PacksDialog", "{first} (and 1 more)").format(first=first)
    return QCoreApplication.translate("PacksDialog", "{first} (and {count} more)").format(
        first=first, count=count - 1
    )


class PackMenu(QObject):
    """Adds the pack actions to a File menu and carries them out through the tracker."""

    def __init__(self, menu: QMenu, operations: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self.operations = operations
        self.tracker = operations.tracker  # for reads: changes go through `operations`
        self.parent_widget = parent
        self.problems_dialog: PackProblemsDialog | None = None
        self.packs_dialog: PacksDialog | None = None
        self.message_box: QMessageBox | None = None
        self.read_only = False
        self.add_action = menu.addAction(self.tr("&Add curriculum pack…"))
        self.add_action.triggered.connect(self.choose_and_add)
        self.manage_action = menu.addAction(self.tr("&Curriculum packs…"))
        self.manage_action.triggered.connect(self.show_packs)
        self.remove_menu = menu.addMenu(self.tr("&Remove curriculum pack"))
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        self.set_read_only(self.tracker.read_only)

    def set_read_only(self, read_only: bool) -> None:
        """Someone else's progress (a learner's summary) has no packs to add, list or remove:
        the three entries are shown disabled, so that none is offered only to be refused."""
        self.read_only = read_only
        self.add_action.setEnabled(not read_only)
        self.manage_action.setEnabled(not read_only)
        self._fill_remove_menu()

    def show_packs(self) -> PacksDialog:
        """Open the list of added packs (disabled ones with their problems)."""
        if self.packs_dialog is None:
            self.packs_dialog = PacksDialog(self, self.parent_widget)
        self.packs_dialog.refresh()
        self.packs_dialog.open()
        return self.packs_dialog

    def choose_and_add(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget,
            self.tr("Choose the folder of a curriculum pack (it holds pack.toml)"),
        )
        if folder:
            self.add(Path(folder))

    def add(self, folder: Path) -> bool:
        """Validate and add a pack; show every problem if it is refused."""
        before = self._loaded()
        try:
            change = self.operations.run(
                add_operation(self.tracker, folder),
                say=self._warn(self.tr("Curriculum pack not added")),
            )
        except ContentError as error:
            self.problems_dialog = PackProblemsDialog(folder, error.problems, self.parent_widget)
            self.problems_dialog.open()
            return False
        if change is None:
            self._redraw_if_changed(before)
            return False
        version = next((p.version for p in self.tracker.own_packs() if p.id == change.ids[0]), "")
        self.parent_widget.statusBar().showMessage(  # type: ignore[attr-defined]
            self.tr("Added curriculum pack {pack}")
            .format(pack=f"{change.ids[0]} {version}".rstrip())
            .rstrip(),
            8000,
        )
        return True

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        packs = self.tracker.own_packs()
        disabled = self.tracker.disabled_packs
        self.remove_menu.setEnabled(bool(packs or disabled) and not self.read_only)
        for pack in packs:
            action = self.remove_menu.addAction(f"{pack.name} ({pack.id} {pack.version})")
            action.triggered.connect(lambda _c=False, p=pack.id: self.remove(p, confirm=True))
        for broken in disabled:
            action = self.remove_menu.addAction(
                self.tr("{name} (disabled)").format(name=broken.name)
            )
            action.triggered.connect(lambda _c=False, p=broken.name: self.remove(p, confirm=True))

    def remove(self, pack_id: str, *, confirm: bool) -> bool:
        """Remove an added pack (by id, or a disabled one by folder name); progress on its
        items is kept."""
        if confirm:
            question = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Remove curriculum pack"),
                self.tr(
                    "Remove the pack '{pack}' and its folder? Its items leave the checklists; "
                    "your progress and notes on them are kept and come back if you add the "
                    "pack again."
                ).format(pack=pack_id),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self.parent_widget,
            )
            question.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is never markup
            answer = question.exec()
            if answer != QMessageBox.StandardButton.Yes:
                return False
        before = self._loaded()
        operation = remove_operation(self.tracker, pack_id)
        if (
            self.operations.run(operation, say=self._warn(self.tr("Curriculum pack not removed")))
            is None
        ):
            self._redraw_if_changed(before)
            return False
        return True

    def _warn(self, title: str) -> Callable[[str], None]:
        """Say a failure in a warning box that does not block (kept as `message_box`)."""

        def say(text: str) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                title,
                text,
                QMessageBox.StandardButton.Ok,
                self.parent_widget,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
            self.message_box = box
            box.open()

        return say

    def _loaded(self) -> list[str]:
        """The ids of the packs loaded now."""
        return [pack.id for pack in self.tracker.curriculum.packs]

    def _redraw_if_changed(self, before: list[str]) -> None:
        """A refused change puts the pack folders back; should the packs loaded still differ,
        the views follow the curriculum now loaded, so that they never show one that is gone."""
        if self._loaded() != before:
            self.operations.publish(Change("content", ()))


def _swap_back(tracker: Tracker, change: Change) -> Change:
    """Take back (or do again) a pack change: the pack held aside goes back to its folder, and
    what is there now is held aside."""
    back = Path(change.old) if change.old else None
    return tracker.swap_pack(Path(change.new), back, ident=change.ids[0])


def add_operation(tracker: Tracker, folder: Path) -> Operation:
    """Add a pack (a copy of `folder`). Undo holds the copy aside (and puts back a pack it
    replaced); redo puts the same copy back, without reading `folder` again."""
    return Operation(
        QCoreApplication.translate("PackMenu", "Add curriculum pack {name}").format(
            name=folder.name
        ),
        lambda: tracker.add_pack(folder),
        revert=lambda change: _swap_back(tracker, change),
        reapply=lambda change: _swap_back(tracker, change),
        failed="added",
    )


def remove_operation(tracker: Tracker, pack_id: str) -> Operation:
    """Remove a pack: its folder is held aside in <data>/packs-removed, undo puts it back."""
    return Operation(
        QCoreApplication.translate("PackMenu", "Remove curriculum pack {pack}").format(
            pack=pack_id
        ),
        lambda: tracker.remove_pack(pack_id),
        revert=lambda change: _swap_back(tracker, change),
        reapply=lambda change: _swap_back(tracker, change),
        failed="removed",
    )
