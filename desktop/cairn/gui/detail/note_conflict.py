"""The question asked when the note being written was changed elsewhere: which to keep."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class NoteConflict(QWidget):
    """ "This note was changed elsewhere" with Keep mine / Use the other; hidden until asked.
    Nothing is saved while it is open, except when the learner leaves the item or closes the
    window: then their text (the newer) is kept and the other stays one Undo away."""

    keep_mine = Signal()
    use_other = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoteConflict")
        self.text = QLabel(
            self.tr("This note was changed elsewhere while you were writing. Keep which?")
        )
        self.text.setWordWrap(True)
        self.mine = QPushButton(self.tr("Keep mine"))
        self.mine.setToolTip(self.tr("Save your text; Edit → Undo brings the other back"))
        self.other = QPushButton(self.tr("Use the other"))
        self.other.setToolTip(
            self.tr("Show the other text; yours is kept in a file in the data folder")
        )
        self.mine.clicked.connect(self.keep_mine)
        self.other.clicked.connect(self.use_other)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.mine)
        row.addWidget(self.other)
        self.setVisible(False)

    def asking(self) -> bool:
        return not self.isHidden()
