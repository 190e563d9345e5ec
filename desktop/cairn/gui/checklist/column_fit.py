"""Columns measured once per page instead of by Qt on every change: each is as wide as its
widest text (measured on one sample cell per different text) and its title. Qt's own
"resize to contents" would measure every row through `data()` again whenever any row changes.

A list that is hidden when asked is measured when it is next shown (a closed window's lists
never are), and a font or style change (a theme) measures again once the change is over."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Samples = Callable[[], Mapping[int, Iterable[QModelIndex]]]


class ColumnFitter(QObject):
    """Measures `view`'s sampled columns; `samples` gives, per column, the cells to measure."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, samples: Samples) -> None:
        super().__init__(view)
        self.view = view
        self.header = header
        self.samples = samples
        self.unfitted = False  # columns to measure when the list is next shown
        self._refit = QTimer(self)  # after a font or style change, once it is over
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        view.installEventFilter(self)

    def fit(self) -> None:
        """Size each sampled column to its widest sample and its title (within the header's
        bounds), or remember to when the list is shown."""
        self.unfitted = not self.view.isVisible()
        if self.unfitted:
            return
        self.view.ensurePolished()  # the style sheet's font and padding are what is measured
        grid = 1 if isinstance(self.view, QTableView) and self.view.showGrid() else 0
        for column, cells in self.samples().items():
            width = self.header.sectionSizeHint(column)  # the title
            for cell in cells:  # as Qt's own fitting: the cell and its grid line
                width = max(width, self.view.sizeHintForIndex(cell).width() + grid)
            self.header.resizeSection(column, min(width, self.header.maximumSectionSize()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Measure before the first paint after being shown; again after a font or style
        change (measuring while the style is being replaced would use one on its way out)."""
        kind = event.type()
        if kind == QEvent.Type.Show and self.unfitted:
            self.fit()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit.start()
        return False
