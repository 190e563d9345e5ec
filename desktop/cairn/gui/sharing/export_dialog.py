"""File → Export progress summary…: choose format and period, see exactly what will be shared,
then write it (the PDF is laid out on a worker thread)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...reports.export import (
    ExportTargetRefused,
    check_export_target,
    render_text,
    write_export,
)
from ...reports.html_report import PRINT_STYLE, TRACK
from ...reports.summary import LEARNER_NAME, MENTOR_QUESTIONS, NEXT_GOALS
from ...snapshot import ProgressSnapshot
from ...tracker import Change, Tracker, utc_now
from ...validation import MAX_NAME_CHARS
from ..operations import Operations, OperationStack
from ..reversible import reversible
from ..widgets.actions import ACTION_ERRORS, attempt, report
from ..widgets.dates import QT_DATE_FORMAT, day
from ..widgets.links import open_external

FORMATS = (
    ("html", QT_TRANSLATE_NOOP("ExportDialog", "HTML — one self-contained file"), ".html"),
    ("pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF — numbered pages"), ".pdf"),
    ("md", QT_TRANSLATE_NOOP("ExportDialog", "Markdown — plain text"), ".md"),
    (
        "json",
        QT_TRANSLATE_NOOP("ExportDialog", "JSON — for restoring, merging and mentor tools"),
        ".json",
    ),
)
PERIODS = (
    ("last", QT_TRANSLATE_NOOP("ExportDialog", "Since the last summary marked as sent")),
    ("date", QT_TRANSLATE_NOOP("ExportDialog", "Since a date")),
    ("all", QT_TRANSLATE_NOOP("ExportDialog", "Everything")),
)


# The print colours of the "At a glance" box (cairn.reports.html_report), and the share of the
# text colour over the background each takes in the preview (light on dark in a dark theme)
GLANCE_COLOURS = {"#f3f6fb": 0.04, "#e6ecf5": 0.1, "#b9c6da": 0.3}


def themed_preview(html: str, palette: QPalette) -> str:
    """The print HTML in the window's colours, so the preview reads in both themes (the
    written PDF keeps its print colours)."""
    text = palette.color(QPalette.ColorRole.Text).name()
    base = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    muted = _mix(ink, base, 0.7)  # secondary text, a third of the way to the background
    header = palette.color(QPalette.ColorRole.AlternateBase).name()
    style = (
        PRINT_STYLE.replace("#1d1d1f", text).replace("#5b616b", muted).replace("#f3f5f8", header)
    )
    track = f'bgcolor="{_mix(ink, base, 0.18)}"'  # the empty part of a progress bar
    themed = html.replace(PRINT_STYLE, style).replace(f'bgcolor="{TRACK}"', track)
    for printed, share in GLANCE_COLOURS.items():  # the "At a glance" box and its labels
        themed = themed.replace(printed, _mix(ink, base, share))
    return themed


def _mix(ink: QColor, base: QColor, share: float) -> str:
    """`share` of `ink` over `base`, as #rrggbb."""
    return QColor(
        round(share * ink.red() + (1 - share) * base.red()),
        round(share * ink.green() + (1 - share) * base.green()),
        round(share * ink.blue() + (1 - share) * base.blue()),
    ).name()


class _Signals(QObject):
    done = Signal(str)
    failed = Signal(str)


class _WriteJob(QRunnable):
    """Writes one export off the GUI thread; never into `protected` folders."""

    def __init__(
        self, text: str, fmt: str, target: Path, moment: datetime, protected: list[Path]
    ) -> None:
        super().__init__()
        self.text, self.fmt, self.target, self.moment = text, fmt, target, moment
        self.protected = protected
        self.signals = _Signals()

    def run(self) -> None:
        try:
            write_export(
                self.text,
                self.fmt,
                self.target,
                self.moment,
                data_dir=self.protected[0],
                protected=self.protected[1:],
            )
        except ExportTargetRefused as refused:
            self.signals.failed.emit(str(refused))
        except Exception as error:  # reported to the learner, never swallowed
            message = str(error)
            if str(self.target) not in message:
                message = f"{self.target}: {message}"
            self.signals.failed.emit(message)
        else:
            self.signals.done.emit(str(self.target))


class ExportDialog(QDialog):
    """The export form with a live preview of exactly what will be shared."""

    exported = Signal(str)

    def __init__(
        self,
        tracker: Tracker,
        parent: QWidget | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.tracker = tracker  # for reads only: changes go through the window's operations
        # the window's operation path; a dialog opened on its own keeps its own undo history
        self.operations = operations or Operations(tracker, OperationStack(self), self)
        self.setWindowTitle(self.tr("Export progress summary"))
        self.name = QLineEdit(str(tracker.setting(LEARNER_NAME, "") or ""))
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setPlaceholderText(self.tr("Your name as your mentor knows it"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for code, label, _ in FORMATS:
            self.format.addItem(self.tr(str(label)), code)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for code, label in PERIODS:
            self.period.addItem(self.tr(str(label)), code)
        self.since = QDateEdit(QDate.currentDate().addDays(-14))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(QT_DATE_FORMAT)
        self.since.setAccessibleName(self.tr("Since date"))
        self.notes = QCheckBox(self.tr("Include my notes (private notes are never included)"))
        self.notes.setAccessibleName(self.tr("Include my notes"))
        self.mark_sent = QCheckBox(
            self.tr("Mark as sent to my mentor (the next summary starts from here)")
        )
        self.mark_sent.setAccessibleName(self.tr("Mark as sent to my mentor"))
        self.mark_sent.setToolTip(
            self.tr(
                "Leave it unticked for a copy you keep or a second format of the same "
                "summary: the next summary then covers the same period."
            )
        )
        self.questions = QPlainTextEdit(str(tracker.setting(MENTOR_QUESTIONS, "") or ""))
        self.questions.setAccessibleName(self.tr("Questions and blockers for my mentor"))
        self.questions.setPlaceholderText(
            self.tr("What are you stuck on? What would you like to ask?")
        )
        self.questions.setTabChangesFocus(True)
        self.goals = QPlainTextEdit(str(tracker.setting(NEXT_GOALS, "") or ""))
        self.goals.setAccessibleName(self.tr("Next goals"))
        self.goals.setPlaceholderText(self.tr("What will you do before you next meet?"))
        self.goals.setTabChangesFocus(True)
        for box in (self.questions, self.goals):
            box.setMaximumHeight(90)
        self._charts: dict[str, Any] = {}  # chart source -> drawn image (None: not drawable)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview of the summary"))
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(open_external)
        self.state = QLabel("")
        self._name_saved = True
        self._marking = True  # whether the export being written is marked as sent
        self.state.setWordWrap(True)
        self.state.setObjectName("DetailMeta")

        form = QFormLayout()
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow(self.tr("&Format"), self.format)
        period_row = QVBoxLayout()  # the date under the period: the long period names fit
        period_row.addWidget(self.period)
        period_row.addWidget(self.since, 0, Qt.AlignmentFlag.AlignLeft)
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.period)  # a label of a row layout has no buddy of its own
        form.addRow(period_label, period_row)
        form.addRow("", self.notes)
        form.addRow(self.tr("&Questions for\nmy mentor"), self.questions)
        form.addRow(self.tr("Next &goals"), self.goals)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.state)
        left_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 620])
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)  # a wider dialog widens the preview, not the form
        splitter.setChildrenCollapsible(False)
        self.preview.setMinimumWidth(360)  # tables in the preview never break into letters
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()  # marking as sent belongs to the export: beside its button
        bottom.addWidget(self.mark_sent)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        room = self.screen().availableGeometry()  # fits a 1280×720 screen too
        self.resize(min(1100, room.width() * 9 // 10), min(720, room.height() * 9 // 10))
        self._restore_choices()
        for signal in (
            self.format.currentIndexChanged,
            self.period.currentIndexChanged,
            self.since.dateChanged,
            self.notes.toggled,
            self.name.textChanged,
            self.questions.textChanged,
            self.goals.textChanged,
        ):
            signal.connect(self.update_preview)
        self.name.editingFinished.connect(self._name_edited)
        self.operations.changed.connect(self._changed)
        self.update_preview()

    # --- the learner's choices, kept undoably --------------------------------------------------
    def _fields(self) -> dict[str, str]:
        """What the form holds for each text setting it keeps."""
        return {
            LEARNER_NAME: self.name.text().strip(),
            MENTOR_QUESTIONS: self.questions.toPlainText(),
            NEXT_GOALS: self.goals.toPlainText(),
        }

    def _keep(self, key: str, value: Any, name: str, failed: str) -> bool:
        """Save one setting through the operation path ("Undo <name>"); an unchanged value
        (empty text where nothing is saved included) is not saved and adds no undo step."""
        try:
            stored = self.tracker.setting(key)
        except ACTION_ERRORS as error:  # the database cannot be read (a busy file)
            report(self, failed, error, say=self.state.setText)
            return False
        if stored == value or (not stored and not value):
            return True
        operation = reversible(
            name,
            lambda: self.tracker.set_setting(key, value),
            lambda kept: self.tracker.set_setting(key, kept),
            failed=failed,
            read=lambda: self.tracker.setting(key),
        )
        return self.operations.run(operation, widget=self, say=self.state.setText) is not None

    def save_name(self) -> bool:
        """Keep the name (when its editing finishes, and before an export): "Edit learner
        name"; a refusal is said under the form."""
        self._name_saved = self._keep(
            LEARNER_NAME,
            self.name.text().strip(),
            self.tr("Edit learner name"),
            self.tr("saved (your name)"),
        )
        return self._name_saved

    def _name_edited(self) -> None:
        if self.isVisible():  # a dialog closing keeps the name in `done`
            self.save_name()

    def done(self, result: int) -> None:
        """Closing the dialog (also Cancel) keeps the name as typed, as before."""
        self.save_name()
        super().done(result)

    def _keep_choices(self) -> bool:
        """Keep the export choice, the questions and the goals, each its own undo step."""
        fields = self._fields()
        choice = {
            "format": self.fmt(),
            "period": self.period.currentData(),
            "notes": self.notes.isChecked(),
            "mark_sent": self.mark_sent.isChecked(),
        }
        return (
            self._keep(
                "export_choice", choice, self.tr("Change export choice"), self.tr("exported")
            )
            and self._keep(
                MENTOR_QUESTIONS,
                fields[MENTOR_QUESTIONS],
                self.tr("Edit mentor questions"),
                self.tr("exported"),
            )
            and self._keep(
                NEXT_GOALS, fields[NEXT_GOALS], self.tr("Edit next goals"), self.tr("exported")
            )
        )

    def _changed(self, change: Change) -> None:
        """Show a kept text again when it changed elsewhere (an undo in the window)."""
        boxes: dict[str, Any] = {
            LEARNER_NAME: self.name,
            MENTOR_QUESTIONS: self.questions,
            NEXT_GOALS: self.goals,
        }
        if change.kind != "setting" or change.ids[0] not in boxes:
            return
        text = str(change.new or "")
        if self._fields()[change.ids[0]] != text:
            box = boxes[change.ids[0]]
            if box is self.name:
                self.name.setText(text)
            else:
                box.setPlainText(text)

    def _restore_choices(self) -> None:
        choice = self.tracker.setting("export_choice", {}) or {}
        self.format.setCurrentIndex(max(0, self.format.findData(choice.get("format", "html"))))
        self.period.setCurrentIndex(max(0, self.period.findData(choice.get("period", "last"))))
        self.notes.setChecked(bool(choice.get("notes", True)))
        self.mark_sent.setChecked(bool(choice.get("mark_sent", True)))

    def _name_period(self, snapshot: ProgressSnapshot) -> None:
        """Say where "since the last summary marked as sent" starts, in the learner's dates."""
        start = snapshot.last_export
        if start is None:
            text = self.tr("Since the last summary marked as sent (none yet: everything)")
        else:
            local = start.replace(tzinfo=UTC).astimezone() if start.tzinfo is None else start
            text = self.tr("Since the last summary marked as sent ({date})").format(date=day(local))
        if self.period.itemText(0) != text:
            self.period.setItemText(0, text)
            view = self.period.view()  # the list shows every choice whole
            view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)

    def fmt(self) -> str:
        return str(self.format.currentData())

    def since_moment(self) -> datetime | None:
        code = self.period.currentData()
        if code == "date":
            chosen: date = self.since.date().toPython()  # type: ignore[assignment]
            return datetime.combine(chosen, datetime.min.time())
        if code == "all":
            return datetime(1970, 1, 1)
        return None  # the last export (the summary's default)

    def render_export(self, fmt: str | None = None) -> str:
        """The export as text, with the name as typed (it is kept when its editing ends)."""
        fmt = fmt or self.fmt()
        snapshot = self.tracker.snapshot(with_history=fmt == "json")  # only JSON lists events
        self._name_period(snapshot)
        settings = {**snapshot.settings, LEARNER_NAME: self.name.text().strip()}
        return render_text(
            replace(snapshot, settings=settings),
            fmt,
            since=self.since_moment(),
            include_notes=self.notes.isChecked(),
            now=self._now,
            questions=self.questions.toPlainText(),
            next_goals=self.goals.toPlainText(),
        )

    def _with_charts(self, html: str) -> str:
        """`html` with its SVG charts drawn into the preview's document (each drawn once and
        kept, so typing in the form stays quick); a chart that cannot be drawn shows its alt
        text, as in the PDF."""
        from ...reports.pdf import prepare_svg_images

        if len(self._charts) > 24:  # charts of earlier periods: drawn again if chosen again
            self._charts.clear()
        return prepare_svg_images(self.preview.document(), html, self._charts)[0]

    def update_preview(self) -> None:
        """Show exactly what will be shared (HTML rendered; Markdown and JSON as text)."""
        self._now = utc_now()
        self.since.setEnabled(self.period.currentData() == "date")
        fmt = self.fmt()
        # HTML and PDF preview through Qt's layout engine, the one that makes the PDF
        try:
            text = self.render_export("pdf" if fmt in ("html", "pdf") else fmt)
        except ACTION_ERRORS as error:  # the progress could not be read (a busy file)
            report(self, self.tr("shown (the preview)"), error, say=self.state.setText)
            return
        if fmt in ("html", "pdf"):
            self.preview.setHtml(self._with_charts(themed_preview(text, self.preview.palette())))
        else:
            self.preview.setPlainText(text)
        if self._name_saved:  # else the state says why the name was not saved
            self.state.setText(
                self.tr(
                    "The preview shows exactly what will be shared. Nothing is "
                    "sent anywhere: you choose where the file goes."
                )
            )

    def choose_file_and_export(self) -> None:
        fmt = self.fmt()
        suffix = next(s for code, _, s in FORMATS if code == fmt)
        default = Path.home() / f"cairn-summary-{datetime.now():%Y-%m-%d}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export progress summary"), str(default), f"{fmt.upper()} (*{suffix})"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, target: Path) -> None:
        """Render on this thread (it reads the database), write on a worker thread. A target
        in the data folder or over a database is refused in words before anything starts."""
        protected = [self.tracker.data_folder, self.tracker.backup_dir]
        try:
            check_export_target(target, protected[0], protected=protected[1:])
        except ExportTargetRefused as refused:
            self.state.setText(str(refused))
            return
        self._now = utc_now()
        self._marking = self.mark_sent.isChecked()  # as ticked when Export was chosen
        fmt = self.fmt()
        if not self.save_name() or not self._keep_choices():
            return  # said under the form: "Not saved (your name): …" / "Not exported: …"
        try:
            text = self.render_export(fmt)
        except ACTION_ERRORS as error:
            report(self, self.tr("exported"), error, say=self.state.setText)
            return
        self.export_button.setEnabled(False)
        self.state.setText(self.tr("Writing {file}…").format(file=target))
        job = _WriteJob(text, fmt, target, self._now, protected)
        job.signals.done.connect(self._written)
        job.signals.failed.connect(self._failed)
        self._job = job  # keep the signals alive until the job reports
        QThreadPool.globalInstance().start(job)

    def _written(self, target: str) -> None:
        """The file is written, so it is said to be saved whatever else happens. Marked as
        sent, this export's time starts the next summary's period (the period and preview
        say so at once); a refusal of that (a full disk) is said in words after it. The
        button works again in every case."""
        said = [self.tr("Saved {file}.").format(file=target)]
        try:
            if self._marking:
                marked = attempt(
                    self,
                    self.tr("kept"),
                    lambda: self.tracker.mark_sent(self._now),
                    say=lambda text: said.append(
                        self.tr("Saved {file}, but the time of this export was {reason}").format(
                            file=target, reason=text[:1].lower() + text[1:]
                        )
                    ),
                )
                if marked is not None:
                    self.update_preview()  # the next summary's period starts here
        finally:
            self.state.setText(said[-1])
            self.export_button.setEnabled(True)
        self.exported.emit(target)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        if message.startswith("Not exported:"):  # already says what happened
            self.state.setText(message)
        else:
            self.state.setText(
                self.tr("Not saved: {reason}. Nothing else was changed.").format(reason=message)
            )
