"""Help → Keyboard shortcuts: a sheet of every shortcut, read from the window's own menus
(and the keys the lists handle), so it cannot go stale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...progress import STATUS_LABELS
from ..checklist.status_input import KEY_NAMES
from ..practice.keys import practice_rows

Row = tuple[str, str, str]  # section, what it does, keys


def plain(text: str) -> str:
    """A menu text as read: mnemonics removed ('&&' stays one '&'), no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_rows(menu: QMenu, section: str) -> list[Row]:
    rows: list[Row] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _menu_rows(sub, f"{section} → {plain(action.text())}")
            continue
        rows += _action_rows(action, section)
    return rows


def _action_rows(action: QAction, section: str) -> list[Row]:
    keys = [k for k in action.shortcuts() if not k.isEmpty()]
    if action.isSeparator() or not keys:
        return []
    text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
    return [(section, plain(action.text()), text)]


def list_rows() -> list[Row]:
    """The keys every list of items handles itself (not menu shortcuts: typing a note must
    not mark anything)."""
    section = QCoreApplication.translate("ShortcutsSheet", "In a list of items")
    mark = QCoreApplication.translate("ShortcutsSheet", "Mark {status} (every selected row)")
    rows = [
        (section, mark.format(status=STATUS_LABELS[status].lower()), key)
        for status, key in KEY_NAMES.items()
    ]
    rows.append((section, QCoreApplication.translate("ShortcutsSheet", "Toggle done"), "Space"))
    rows.append(
        (
            section,
            QCoreApplication.translate("ShortcutsSheet", "Select several rows"),
            "Shift+Up/Down, Ctrl+Space",
        )
    )
    find = QCoreApplication.translate("ShortcutsSheet", "In Find anything")
    rows += [
        (find, QCoreApplication.translate("ShortcutsSheet", "Choose a result"), "Up/Down"),
        (find, QCoreApplication.translate("ShortcutsSheet", "Open it"), "Enter"),
        (find, QCoreApplication.translate("ShortcutsSheet", "Close"), "Esc"),
    ]
    panes = QCoreApplication.translate("ShortcutsSheet", "Anywhere")
    rows.append(
        (
            panes,
            QCoreApplication.translate(
                "ShortcutsSheet", "Next pane or control (navigation → list → details)"
            ),
            "Tab, Shift+Tab",
        )
    )
    return rows + practice_rows()


def shortcut_rows(bar: QMenuBar) -> list[Row]:
    """Every shortcut of the menu bar's menus, then the list keys."""
    rows: list[Row] = []
    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(menu, plain(top.text()))
    return rows + list_rows()


class ShortcutsSheet(QDialog):
    """The sheet: sections with what each key does; arrows move, Esc closes."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setHeaderLabels([self.tr("Does"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setUniformRowHeights(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for section, does, keys in shortcut_rows(bar):
            heading = sections.get(section)
            if heading is None:
                heading = QTreeWidgetItem(self.table, [section, ""])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFirstColumnSpanned(True)
                sections[section] = heading
            row = QTreeWidgetItem(heading, [does, keys])
            row.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{does}: {keys}")
        self.table.expandAll()
        self.table.setItemsExpandable(False)
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def texts(self) -> list[str]:
        """Every row as 'does: keys' (for a reader of the sheet, and tests)."""
        found = []
        for s in range(self.table.topLevelItemCount()):
            heading = self.table.topLevelItem(s)
            rows = [heading.child(r) for r in range(heading.childCount())] if heading else []
            found += [f"{row.text(0)}: {row.text(1)}" for row in rows if row is not None]
        return found
