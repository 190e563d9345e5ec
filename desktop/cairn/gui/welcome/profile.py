"""File → Profile…: the learner's name as their mentor sees it (editable, undoable) and the
learner id exports carry (read-only, to copy)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...reports.summary import LEARNER_NAME
from ...tracker import Tracker
from ...validation import MAX_NAME_CHARS, InvalidInput, check_learner_name
from ..operations import Operation, Operations
from ..reversible import reversible
from ..widgets.actions import ACTION_ERRORS, report


def name_operation(tracker: Tracker, name: str) -> Operation:
    """Keep the learner's display name ("Edit learner name"; an empty name removes it)."""
    return reversible(
        QCoreApplication.translate("ProfileDialog", "Edit learner name"),
        lambda: tracker.set_setting(LEARNER_NAME, name or None),
        lambda kept: tracker.set_setting(LEARNER_NAME, kept),
        failed="saved (your name)",
        read=lambda: tracker.setting(LEARNER_NAME),
    )


def learner_name_field(tracker: Tracker) -> QLineEdit:
    """A one-line field for the learner's name, as the export dialog has it."""
    field = QLineEdit(str(tracker.setting(LEARNER_NAME, "") or ""))
    field.setMaxLength(MAX_NAME_CHARS)
    field.setPlaceholderText(
        QCoreApplication.translate("ProfileDialog", "Your name as your mentor knows it")
    )
    field.setAccessibleName(
        QCoreApplication.translate("ProfileDialog", "Your name (shown to your mentor)")
    )
    return field


def name_problem(name: str) -> str:
    """Why `name` cannot be kept ('' when it can): the rules the tracker applies."""
    if not name:
        return ""
    try:
        check_learner_name(name, "name")
    except InvalidInput as error:
        return str(error)
    return ""


class ProfileDialog(QDialog):
    """The name (saved through the window's operation path) and the learner id."""

    def __init__(
        self, tracker: Tracker, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.operations = operations
        self.setWindowTitle(self.tr("Profile"))
        self.setMinimumWidth(460)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.name = learner_name_field(tracker)
        # text to select and copy, never to edit (a read-only field would look disabled)
        self.learner_id = QLabel(self._learner_id() or self.tr("(made when you first save)"))
        self.learner_id.setTextFormat(Qt.TextFormat.PlainText)
        self.learner_id.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.learner_id.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.learner_id.setAccessibleName(self.tr("Your learner id"))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setAccessibleName(self.tr("Copy the learner id"))
        self.copy.setEnabled(bool(self.tracker.learner_id))
        self.copy.clicked.connect(self.copy_id)
        about = QLabel(
            self.tr(
                "Your summaries carry your name and learner id, so your mentor's feedback "
                "comes back to your data and nobody else's. The id never changes."
            )
        )
        about.setWordWrap(True)
        id_row = QHBoxLayout()
        id_row.addWidget(self.learner_id, 1)
        id_row.addWidget(self.copy)
        form = QFormLayout()
        name_label = QLabel(self.tr("Your &name\n(shown to your mentor)"))
        name_label.setBuddy(self.name)
        id_label = QLabel(self.tr("Learner &id"))
        id_label.setBuddy(self.learner_id)
        form.addRow(name_label, self.name)
        form.addRow(id_label, id_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)

    def _learner_id(self) -> str:
        """The learner id, made now if this folder has none yet (a writable folder)."""
        try:
            return self.tracker.ensure_learner_id()
        except ACTION_ERRORS as error:  # a busy or full disk: the id is made next time
            report(self, self.tr("made (your learner id)"), error, say=self.message.setText)
            return self.tracker.learner_id

    def copy_id(self) -> None:
        """Put the learner id on the clipboard and say so."""
        QGuiApplication.clipboard().setText(self.tracker.learner_id)
        self.message.setText(self.tr("Learner id copied."))

    def _check(self) -> bool:
        """Say a name that cannot be kept as it is typed; Save waits for a good one."""
        problem = name_problem(self.name.text().strip())
        said = self.tr("Not saved (your name): {reason}.") if problem else ""
        self.message.setText(said.format(reason=problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        return not problem

    def save(self) -> bool:
        """Keep the name through the window's operations (undoable) and close; a refusal is
        said in the dialog, which stays open. An unchanged name closes without a step."""
        if not self._check():
            return False
        name = self.name.text().strip()
        stored = self.tracker.setting(LEARNER_NAME) or ""
        if name != stored:
            done = self.operations.run(
                name_operation(self.tracker, name), widget=self, say=self.message.setText
            )
            if done is None:
                return False
        self.accept()
        return True
