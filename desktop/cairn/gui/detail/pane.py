"""The detail pane: the selected item's description, readings, status, evidence and note."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...content import KIND_LABELS, Item
from ...markup import escape, markdown_to_html
from ...progress import STATUS_LABELS, STATUSES
from ...store import StoreError
from ...tracker import Tracker, TrackerError
from ...validation import MAX_URL_CHARS
from ..study.widgets import AddTimeDialog, TimerControls
from ..widgets.actions import attempt
from ..widgets.common import heading_labels, segmented_buttons
from ..widgets.links import open_external

NOTE_SAVE_DELAY_MS = 600


def _browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.anchorClicked.connect(open_external)
    browser.setAccessibleName(name)
    browser.setFrameShape(QTextBrowser.Shape.NoFrame)
    browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    browser.document().documentLayout().documentSizeChanged.connect(
        lambda size, b=browser: b.setFixedHeight(int(size.height()) + 6)
    )
    return browser


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionLabel")
    return label


class NoteEditor(QWidget):
    """A Markdown note with a preview; saved shortly after typing stops and on leaving."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.item_id = ""
        self._loading = False
        self._dirty = False
        self._base: tuple[str, bool] = ("", False)  # the note as last read or written
        self._elsewhere = False  # changed outside while the learner was writing here
        self.tabs = QTabWidget()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Note (Markdown)")
        self.editor.setPlaceholderText(
            "Your notes in Markdown: what you learned, what confused you, what to ask your mentor…"
        )
        self.editor.setTabChangesFocus(True)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(open_external)
        self.preview.setAccessibleName("Note preview")
        self.tabs.addTab(self.editor, "Write")
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.currentChanged.connect(self._render_preview)
        self.private = QCheckBox("Private")
        self.private.setToolTip("A private note is never included in any export")
        self.private.setAccessibleName("Private note")
        self.state = QLabel("")
        self.state.setObjectName("DetailMeta")
        self.state.setAccessibleName("Note save state")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._changed)
        self.private.toggled.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.private)
        row.addStretch(1)
        row.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(row)
        self.tabs.setMinimumHeight(160)

    def load(self, item_id: str) -> None:
        self.save()
        self._dirty = False
        self._loading = True
        self.item_id = item_id
        note = self.tracker.note(item_id) if item_id else None
        self._base = (note.body, note.private) if note else ("", False)
        self.editor.setPlainText(self._base[0])
        self.private.setChecked(self._base[1])
        when = note.updated_at.replace(tzinfo=UTC).astimezone() if note else None
        if when is None:
            self.state.setText("")
        elif when.date() == datetime.now().astimezone().date():
            self.state.setText(f"Saved {when:%H:%M}")
        else:
            self.state.setText(f"Saved {when:%d %b %Y}")
        self.state.setToolTip("")
        self._elsewhere = False
        self._loading = False
        self._render_preview()

    def refresh(self) -> None:
        """Bring in a change made elsewhere, never under the learner's hands: an editor with
        unsaved text or the keyboard cursor keeps its text and cursor, and says the note was
        also changed elsewhere (the learner's save wins, being newer)."""
        if not self.item_id:
            return
        note = self.tracker.note(self.item_id)
        outside = (note.body, note.private) if note else ("", False)
        if outside == self._base:
            return
        if self._dirty or self.editor.hasFocus():
            self._base = outside
            self._elsewhere = True
            self.state.setText(
                "Also changed elsewhere — "
                + ("saving keeps your text" if self._dirty else "select the item again to see it")
            )
            self.state.setToolTip(
                "This note was changed outside this window while you were "
                "writing here. Your text stays; what you save replaces the "
                "other change."
            )
            return
        self.load(self.item_id)

    def _changed(self) -> None:
        if self._loading or not self.item_id:
            return
        if not self._elsewhere:  # the warning stays until the learner's text is saved
            self.state.setText("Editing…")
        self._dirty = True
        self._timer.start()

    def save(self) -> None:
        """Write the note now if it has unsaved changes."""
        self._timer.stop()
        if not self._dirty or not self.item_id:
            return
        try:
            self.tracker.set_note(self.item_id, self.editor.toPlainText(), self.private.isChecked())
        except (TrackerError, StoreError) as error:  # the text stays here, and in a copy
            copy = self.tracker.keep_unsaved_note(self.item_id, self.editor.toPlainText())
            kept = f" A copy is kept in {copy}." if copy else ""
            self.state.setText(f"Not saved: {error}{kept}")
            self.state.setToolTip(str(error) + kept)
            return
        self._dirty = False
        self._base = (self.editor.toPlainText(), self.private.isChecked())
        self.state.setText(
            "Saved — your text replaced the change made elsewhere" if self._elsewhere else "Saved"
        )
        self.state.setToolTip("")
        self._elsewhere = False

    def _render_preview(self) -> None:
        if self.tabs.currentWidget() is self.preview:
            text = self.editor.toPlainText()
            self.preview.setHtml(
                markdown_to_html(text) if text.strip() else "<p><i>Nothing written yet.</i></p>"
            )


class EvidenceBox(QWidget):
    """Proof links for a milestone: listed, added, removed."""

    changed = Signal(str)  # milestone id

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.item_id = ""
        self.links = QListWidget()
        self.links.setAccessibleName("Evidence links")
        self.links.setMaximumHeight(90)
        self.links.itemActivated.connect(lambda entry: open_external(entry.text()))
        self.url = QLineEdit()
        self.url.setMaxLength(MAX_URL_CHARS)
        self.url.setAccessibleName("New evidence link")
        self.url.setPlaceholderText("https://github.com/you/project — repository, write-up, demo")
        self.url.returnPressed.connect(self._add)
        self.add = QPushButton("Add link")
        self.add.clicked.connect(self._add)
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName("Remove selected evidence link")
        self.remove.clicked.connect(self._remove)
        self.remove.setEnabled(False)  # until a link is selected
        self.links.itemSelectionChanged.connect(self._selection_changed)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("DetailMeta")
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.links)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def load(self, item_id: str) -> None:
        self.item_id = item_id
        self.links.clear()
        for record in self.tracker.evidence(item_id):
            entry = QListWidgetItem(record.url)
            entry.setData(Qt.ItemDataRole.UserRole, record.id)
            entry.setToolTip(f"Added {record.added_at:%Y-%m-%d}; Enter opens it in the browser")
            self.links.addItem(entry)
        self.message.setText(
            ""
            if self.links.count()
            else "No evidence yet. Milestones count fully toward readiness once they "
            "have a link to proof."
        )
        self._selection_changed()

    def _add(self) -> None:
        """Add the typed link; a refusal is said here and the link stays typed."""
        url = self.url.text()
        if (
            attempt(
                self,
                "added",
                lambda: self.tracker.add_evidence(self.item_id, url),
                say=self.message.setText,
            )
            is None
        ):
            return
        self.url.clear()
        self.load(self.item_id)
        self.changed.emit(self.item_id)

    def selected_link(self) -> QListWidgetItem | None:
        """The link the learner selected (None when nothing is selected)."""
        selected = self.links.selectedItems()
        return selected[0] if selected else None

    def _selection_changed(self) -> None:
        self.remove.setEnabled(self.selected_link() is not None)

    def _remove(self) -> None:
        """Remove the selected link; with nothing selected, nothing happens."""
        entry = self.selected_link()
        if entry is None:
            return
        evidence_id = int(entry.data(Qt.ItemDataRole.UserRole))
        if (
            attempt(
                self,
                "removed",
                lambda: self.tracker.remove_evidence(evidence_id),
                say=self.message.setText,
            )
            is None
        ):
            return
        self.load(self.item_id)
        self.changed.emit(self.item_id)


class DetailPane(QScrollArea):
    """Everything about one item; status buttons ask the window to change the status."""

    status_requested = Signal(str, str)
    evidence_changed = Signal(str)

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.item_id = ""
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Item details")
        body = QWidget()
        self.setWidget(body)
        self.title, self.meta = heading_labels()
        self.status_buttons, status_row = segmented_buttons(
            self,
            [(s, STATUS_LABELS[s]) for s in STATUSES],
            "Status",
            [f"Mark {STATUS_LABELS[s].lower()} (Ctrl+{n})" for n, s in enumerate(STATUSES, 1)],
        )
        self.status_buttons.buttonClicked.connect(self._status_clicked)
        self.description = _browser("Description")
        self.done_when_label = _section("Done when")
        self.done_when = _browser("Done when")
        self.readings_label = _section("Readings")
        self.readings = _browser("Readings")
        self.evidence_label = _section("Evidence")
        self.evidence = EvidenceBox(tracker)
        self.evidence.changed.connect(self.evidence_changed)
        self.study_label = _section("Study time")
        self.timer = TimerControls(tracker)
        self.studied = QLabel("")
        self.studied.setObjectName("DetailMeta")
        self.studied.setWordWrap(True)
        self.add_time = QPushButton("Add time…")
        self.add_time.setToolTip("Record time studied away from the laptop")
        self.add_time.clicked.connect(self._add_time)
        self.timer.changed.connect(self._refresh_studied)
        study_row = QHBoxLayout()
        study_row.addWidget(self.studied, 1)
        study_row.addWidget(self.add_time)
        self.study_box = QWidget()
        study_layout = QVBoxLayout(self.study_box)
        study_layout.setContentsMargins(0, 0, 0, 0)
        study_layout.addWidget(self.timer)
        study_layout.addLayout(study_row)
        self.note = NoteEditor(tracker)
        self.empty = QLabel(
            "Select an item in the checklist to see what to do, what to read "
            "and to write your notes."
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("PageSummary")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.empty)
        self._parts: list[QWidget] = [self.title, self.meta]
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        status_box = QWidget()
        status_box.setLayout(status_row)
        status_row.setContentsMargins(0, 4, 0, 4)
        self._parts.append(status_box)
        layout.addWidget(status_box)
        for widget in (
            self.description,
            self.done_when_label,
            self.done_when,
            self.readings_label,
            self.readings,
            self.evidence_label,
            self.evidence,
            self.study_label,
            self.study_box,
        ):
            layout.addWidget(widget)
            self._parts.append(widget)
        note_label = _section("Your note")
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self._parts += [note_label, self.note]
        layout.addStretch(1)
        self.show_item("")

    def set_read_only(self, read_only: bool) -> None:
        """For someone else's progress: show everything, change nothing."""
        self.add_time.setVisible(not read_only)
        for button in self.status_buttons.buttons():
            button.setEnabled(not read_only)
        self.note.editor.setReadOnly(read_only)
        self.note.private.setEnabled(not read_only)
        for widget in (self.evidence.url, self.evidence.add, self.evidence.remove):
            widget.setVisible(not read_only)

    def refresh(self) -> None:
        """Redraw the item shown from the tracker, keeping the scroll position and any note
        being written (used when data changed elsewhere: an import, a restore, the command
        line)."""
        if not self.item_id:
            return
        scroll = self.verticalScrollBar().value()
        self.note.refresh()
        self._fill(self.tracker.item(self.item_id))
        self.verticalScrollBar().setValue(scroll)

    def show_item(self, item_id: str) -> None:
        self.item_id = item_id
        self.empty.setVisible(not item_id)
        for widget in self._parts:
            widget.setVisible(bool(item_id))
        self.note.load(item_id)
        if not item_id:
            return
        self._fill(self.tracker.item(item_id))
        self.verticalScrollBar().setValue(0)

    def _fill(self, item: Item) -> None:
        """Show everything about this item but its note."""
        self.title.setText(item.title)
        self.meta.setText(self._meta(item))
        self.description.setHtml(markdown_to_html(item.description))
        milestone = item.is_milestone
        for widget in (self.done_when_label, self.done_when, self.evidence_label, self.evidence):
            widget.setVisible(milestone)
        if milestone:
            self.done_when.setHtml(markdown_to_html(item.done_when))
            self.evidence.load(item.id)
        self.readings_label.setVisible(bool(item.readings))
        self.readings.setVisible(bool(item.readings))
        self.readings.setHtml(self._readings_html(item))
        self.timer.set_item(item.id)
        self._refresh_studied()
        self.refresh_status()

    def _refresh_studied(self) -> None:
        sessions = [x for x in self.tracker.sessions() if x.content_id == self.item_id]
        minutes = sum(x.minutes for x in sessions)
        self.studied.setText(
            f"Studied {minutes / 60:.1f} h in {len(sessions)} session"
            f"{'s' if len(sessions) != 1 else ''}"
            if sessions
            else "No study time recorded yet."
        )

    def _add_time(self) -> None:
        dialog = AddTimeDialog(self.tracker, self.item_id, self)
        dialog.accepted.connect(self._refresh_studied)
        self.add_time_dialog = dialog
        dialog.open()

    def refresh_status(self) -> None:
        if not self.item_id:
            return
        status = self.tracker.status(self.item_id)
        for button in self.status_buttons.buttons():
            button.setChecked(button.property("status") == status)

    def _meta(self, item: Item) -> str:
        c = self.tracker.curriculum
        week = c.weeks[item.week_id]
        parts = [KIND_LABELS[item.kind], f"Week {week.number}", f"about {item.estimate_hours:g} h"]
        if item.project_id:
            parts.insert(1, c.projects[item.project_id].title)
        skills = ", ".join(c.skills[s].name for s in item.skills)
        return " · ".join(parts) + (f"\nBuilds: {skills}" if skills else "")

    def _readings_html(self, item: Item) -> str:
        rows = []
        for reading_id in item.readings:
            r = self.tracker.curriculum.readings[reading_id]
            url = QUrl(r.url).toString()
            hours = f" · ~{r.estimate_hours:g} h" if r.estimate_hours else ""
            rows.append(
                f'<li><a href="{escape(url)}">{escape(r.title)}</a><br>'
                f"<span>{escape(r.author)} · {escape(r.kind)}{hours}</span></li>"
            )
        return "<ul style='margin-left:-20px'>" + "".join(rows) + "</ul>"

    def _status_clicked(self, button: QPushButton) -> None:
        if self.item_id:
            self.status_requested.emit(self.item_id, str(button.property("status")))
