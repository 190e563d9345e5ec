"""Feedback → Overall note…: the mentor's note on the whole summary and the name they sign
with, beside what the learner asked (a window that stays open while the mentor looks around)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...markup import WEB_SCHEMES, markdown_to_html
from ...reports.importer import ExportData
from ...validation import MAX_NAME_CHARS
from ..widgets.links import open_external
from ..widgets.theme import current_theme, document_style, theme_signals
from .draft import FeedbackDraft

ASKED_MAX_HEIGHT = 180  # px: longer questions scroll


def learner_of(summary: ExportData) -> str:
    """The learner's name as the window says it ("the learner" without one)."""
    name = summary.learner_name.strip()
    return name or QCoreApplication.translate("Feedback", "the learner")


class OverallNoteDialog(QDialog):
    """The overall note (Markdown) and the mentor's name; every keystroke is in the draft."""

    save_requested = Signal()

    def __init__(self, draft: FeedbackDraft, summary: ExportData, parent: QWidget) -> None:
        super().__init__(parent)
        self.draft = draft
        learner = learner_of(summary)
        self.setWindowTitle(self.tr("Overall note for {learner}").format(learner=learner))
        intro = QLabel(
            self.tr(
                "A note on {learner}'s progress as a whole: what went well, what to focus on "
                "next. Markdown is allowed. It is saved with your comments by File → Save "
                "feedback… (Ctrl+S)."
            ).format(learner=learner)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # it names the learner
        self.mentor_name = QLineEdit(draft.mentor_name)
        self.mentor_name.setMaxLength(MAX_NAME_CHARS)
        self.mentor_name.setAccessibleName(self.tr("Your name, as the learner will see it"))
        self.mentor_name.setPlaceholderText(self.tr("e.g. Grace Hopper"))
        self.mentor_name.textChanged.connect(draft.set_mentor_name)
        self.note = QPlainTextEdit(draft.note)
        self.note.setAccessibleName(self.tr("Overall note (Markdown)"))
        self.note.setPlaceholderText(
            self.tr("What went well, what to focus on next, answers to their questions…")
        )
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(140)
        self.note.textChanged.connect(lambda: draft.set_note(self.note.toPlainText()))
        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.mentor_name)
        note_label = QLabel(self.tr("Overall &note"))
        note_label.setBuddy(self.note)
        self.asked = self._asked(summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save = QPushButton(self.tr("&Save feedback…"))
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.save.clicked.connect(self.save_requested)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if self.asked is not None:
            asked_label = QLabel(self.tr("What {learner} wrote for you").format(learner=learner))
            asked_label.setObjectName("SectionLabel")
            asked_label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(asked_label)
            layout.addWidget(self.asked)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _asked(self, summary: ExportData) -> QTextBrowser | None:
        """The learner's questions and next goals from the export (None when both are empty)."""
        parts = []
        if summary.questions.strip():
            parts.append("<h4>" + self.tr("Questions") + "</h4>")
            parts.append(markdown_to_html(summary.questions, schemes=WEB_SCHEMES))
        if summary.next_goals.strip():
            parts.append("<h4>" + self.tr("Next goals") + "</h4>")
            parts.append(markdown_to_html(summary.next_goals, schemes=WEB_SCHEMES))
        if not parts:
            return None
        browser = QTextBrowser()
        browser.setOpenLinks(False)
        browser.anchorClicked.connect(open_external)
        browser.setAccessibleName(self.tr("The learner's questions and next goals"))
        browser.setTabChangesFocus(True)
        browser.document().setDefaultStyleSheet(document_style(current_theme()))
        browser.document().documentLayout().documentSizeChanged.connect(
            lambda size: browser.setFixedHeight(min(int(size.height()) + 8, ASKED_MAX_HEIGHT))
        )
        browser.setHtml("".join(parts))
        theme_signals().applied.connect(self._restyle)
        self._asked_html = "".join(parts)
        return browser

    def _restyle(self, theme: str) -> None:
        if self.asked is not None:
            self.asked.document().setDefaultStyleSheet(document_style(theme))
            self.asked.setHtml(self._asked_html)

    def start(self) -> None:
        """Show (or raise) the panel with the cursor in the note."""
        if self.isVisible():  # already open, perhaps behind the window: to the front
            self.raise_()
            self.activateWindow()
        self.show()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
