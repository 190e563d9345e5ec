"""Every interactive widget a learner can reach has a name a screen reader can say.

The real window visits one page of every kind and opens the dialogs that open without side
effects; every visible, focusable button, text field, combo box, spin box, slider, check box or
list/table/tree must have an accessible name (a button's visible text counts)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from soak import nodes, page_kinds, switch

from cairn.gui.welcome.dialog import WelcomeDialog
from cairn.gui.window.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)


def _part_of_another(widget: QWidget) -> bool:
    """Widgets Qt builds inside a named one (a combo box's line edit and list, a spin box's
    line edit, a tab bar's scroll buttons, a scroll bar, a header)."""
    if isinstance(widget, QScrollBar | QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
            return True
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return False


def _owner(widget: QWidget) -> str:
    """The Cairn class (and its module) that holds the widget, for the failure message."""
    found: QWidget | None = widget
    while found is not None:
        if type(found).__module__.startswith("cairn."):
            return f"{type(found).__module__}.{type(found).__name__}"
        found = found.parentWidget()
    return "?"


def unnamed(root: QWidget) -> list[str]:
    """Each visible, focusable interactive widget under `root` without an accessible name."""
    found = []
    for widget in root.findChildren(QWidget):
        own_focusable = type(widget).__module__.startswith("cairn.") and bool(
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        )  # a chart or calendar Cairn draws itself that takes keyboard focus
        if not (isinstance(widget, INTERACTIVE) or own_focusable) or _part_of_another(widget):
            continue
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        label = widget.objectName() or (
            widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        )
        found.append(f"{_owner(widget)}: {type(widget).__name__} {label!r}".rstrip())
    return found


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_every_interactive_widget_on_every_page_has_a_name(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    missing: dict[str, None] = {}
    for dialog in _open_dialogs():  # a first-run welcome, if the window shows one
        missing.update(dict.fromkeys(unnamed(dialog)))
        dialog.reject()
    for node in page_kinds(nodes(window)):
        switch(window, node)
        qtbot.waitUntil(lambda: window.isVisible())
        missing.update(dict.fromkeys(f"{m} (page {node.kind})" for m in unnamed(window)))
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_every_interactive_widget_in_the_dialogs_has_a_name(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    missing: dict[str, None] = {}
    for name in (
        "show_plan_dialog",
        "find_anything",
        "show_shortcuts",
        "sharing.show_export_dialog",
        "packs.show_packs",
        "safety.show_backups",
    ):
        owner = window
        for part in name.split(".")[:-1]:
            owner = getattr(owner, part)
        dialog = getattr(owner, name.split(".")[-1])()
        assert isinstance(dialog, QDialog)
        qtbot.waitExposed(dialog)
        missing.update(dict.fromkeys(f"{m} ({name})" for m in unnamed(dialog)))
        dialog.reject()
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_every_page_of_the_welcome_names_its_widgets(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    welcome = WelcomeDialog(window.tracker, window.operations, window)  # nothing saved
    welcome.open()
    qtbot.waitExposed(welcome)
    missing: dict[str, None] = {}
    for index in range(welcome.pages.count()):
        welcome.go(index)
        missing.update(dict.fromkeys(f"{m} (page {index + 1})" for m in unnamed(welcome)))
    welcome.reject()
    assert not missing, "no accessible name:\n" + "\n".join(missing)


def test_the_walk_finds_an_unnamed_field_and_accepts_a_named_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    field = QLineEdit(page)
    field.setPlaceholderText("Search")
    page.show()
    qtbot.waitExposed(page)
    assert unnamed(page) == ["?: QLineEdit 'Search'"]
    field.setAccessibleName("Search readings")
    assert unnamed(page) == []
