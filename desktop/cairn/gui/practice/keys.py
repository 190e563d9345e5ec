"""The practice keys, for Help → Keyboard shortcuts (the review and the drill handle them
themselves: they are no menu shortcuts, so typing elsewhere never rates a card)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def practice_rows() -> list[tuple[str, str, str]]:
    """(section, what it does, keys) for the review and the interview drill."""
    review = QCoreApplication.translate("ShortcutsSheet", "In a practice review")
    drill = QCoreApplication.translate("ShortcutsSheet", "In an interview drill")
    return [
        (review, QCoreApplication.translate("ShortcutsSheet", "Show the answer"), "Space"),
        (
            review,
            QCoreApplication.translate("ShortcutsSheet", "Rate Again, Hard, Good, Easy"),
            "1, 2, 3, 4",
        ),
        (review, QCoreApplication.translate("ShortcutsSheet", "Edit the card"), "E"),
        (review, QCoreApplication.translate("ShortcutsSheet", "Suspend the card"), "S"),
        (
            review,
            QCoreApplication.translate("ShortcutsSheet", "Take the last rating back"),
            "Ctrl+Z",
        ),
        (review, QCoreApplication.translate("ShortcutsSheet", "End the review"), "Esc"),
        (
            drill,
            QCoreApplication.translate("ShortcutsSheet", "Reveal the model answer"),
            "Ctrl+Enter",
        ),
        (drill, QCoreApplication.translate("ShortcutsSheet", "Rate yourself"), "1, 2, 3, 4"),
        (drill, QCoreApplication.translate("ShortcutsSheet", "End the drill"), "Esc"),
    ]
