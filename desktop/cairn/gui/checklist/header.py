"""The header above the checklist: what is shown, why, and progress at three scales."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...progress import Progress


class ProgressRow:
    """A label and a bar: "This week  ▓▓▓░░ 3 of 7 done"."""

    def __init__(self, layout: QGridLayout, row: int, name: str) -> None:
        self.label = QLabel(name)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(f"{name} progress")
        self.text = QLabel("")
        self.text.setObjectName("DetailMeta")
        self.text.setWordWrap(True)  # a narrow window wraps the count, never cuts it
        layout.addWidget(self.label, row, 0)
        layout.addWidget(self.bar, row, 1)
        layout.addWidget(self.text, row, 2)

    def set(self, progress: Progress | None, caption: str = "") -> None:
        visible = progress is not None
        for widget in (self.label, self.bar, self.text):
            widget.setVisible(visible)
        if progress is None:
            return
        if caption:
            self.label.setText(caption)
        self.bar.setValue(round(progress.percent * 10))
        extra = f" · {progress.skipped} skipped" if progress.skipped else ""
        summary = f"{progress.done} of {progress.total} done ({progress.percent:g}%){extra}"
        self.text.setText(summary)
        self.bar.setAccessibleDescription(summary)


class SummaryLabel(QLabel):
    """The page's summary. A summary holding a link (Today's "N cards due") takes Tab focus
    and Enter opens the focused link; one without a link is no stop in the Tab order."""

    def setText(self, text: str) -> None:
        super().setText(text)
        has_link = "](" in text or "<a " in text.lower()
        flags = Qt.TextInteractionFlag.LinksAccessibleByMouse
        if has_link:
            flags |= Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.setTextInteractionFlags(flags)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_link else Qt.FocusPolicy.NoFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tab lands on the link itself (shown focused, Enter opens it), not on the label."""
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)


class PageHeader(QWidget):
    """Title, summary and up to three progress rows for the page in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("")
        self.title.setObjectName("PageTitle")
        self.title.setWordWrap(True)
        self.summary = SummaryLabel("")
        self.summary.setObjectName("PageSummary")
        self.summary.setAccessibleName(self.tr("Page summary"))
        self.summary.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.rows = [
            ProgressRow(grid, i, name)
            for i, name in enumerate(("This week", "This month", "Whole path"))
        ]
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(grid)

    def show_page(self, title: str, summary: str) -> None:
        self.title.setText(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.setAccessibleName(title)

    def set_progress(self, rows: list[tuple[str, Progress] | None]) -> None:
        for row, value in zip(self.rows, rows, strict=False):
            row.set(value[1] if value else None, value[0] if value else "")
