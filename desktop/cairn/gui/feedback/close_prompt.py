"""Closing a summary window whose feedback is not saved: Save, Discard or Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Answer = str  # "save", "discard" or "cancel"

_ANSWERS = {
    QMessageBox.StandardButton.Save: "save",
    QMessageBox.StandardButton.Discard: "discard",
}


def ask_to_save(parent: QWidget, learner: str, answered: Callable[[Answer], None]) -> QMessageBox:
    """Ask, without blocking the event loop, whether to save the feedback before closing;
    `answered` hears "save", "discard" or "cancel" (Escape and the close button cancel)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FeedbackClose", "Save your feedback?"),
        QCoreApplication.translate(
            "FeedbackClose",
            "Your feedback for {learner} is not saved. It lives only in this window: closing "
            "without saving loses it.",
        ).format(learner=learner),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.finished.connect(
        lambda _result: answered(
            _ANSWERS.get(box.standardButton(box.clickedButton()), "cancel")
            if box.clickedButton() is not None
            else "cancel"
        )
    )
    box.open()
    return box
