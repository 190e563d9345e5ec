"""Several learners' summaries side by side in a window: one sortable row each, a tinted row and
a warning sign on a learner who needs attention, and a line above saying how many do (the rows,
their flags and the CSV come from `cairn.cohort`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...cohort import (
    AHEAD,
    ATTENTION,
    BEHIND,
    CHANGE,
    COLUMNS,
    DAYS,
    EXPORTED,
    FILE,
    HOURS,
    LAST_ACTIVITY,
    LEARNER,
    MILESTONES,
    MISSING,
    NO_PLAN,
    NOT_STARTED,
    NUMBER_COLUMNS,
    ON_TRACK,
    OVERALL,
    PACE,
    READINESS,
    ROLE,
    CohortRow,
    Milestones,
    cohort_row,
    cohort_rows,
    hours_text,
    number_text,
    write_csv,
)
from ...markup import escape
from ..widgets.common import Index, ReadOnlyTableModel
from ..widgets.dates import day
from ..widgets.icons import icon
from ..widgets.theme import COLOURS

__all__ = ["CohortModel", "CohortRow", "CohortWindow", "cohort_row", "cohort_rows", "write_csv"]

PATH_ROLE = Qt.ItemDataRole.UserRole  # the export file the row is read from
SORT_ROLE = Qt.ItemDataRole.UserRole + 7
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TEXT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
TINT_STRENGTH = 0.2  # how much of the warning colour a flagged row's background takes
WARNING_ICON = "warning"
TEXT_COLUMN_MAX = 260  # px: a long name or role is cut with "…" (the tooltip has all of it)


def _headers() -> list[str]:
    """The column titles, in COLUMNS order (long ones on two lines, so columns stay narrow)."""
    return [
        QCoreApplication.translate("CohortModel", "Learner"),
        QCoreApplication.translate("CohortModel", "Needs attention"),
        QCoreApplication.translate("CohortModel", "Overall %"),
        QCoreApplication.translate("CohortModel", "Pace"),
        QCoreApplication.translate("CohortModel", "Primary role"),
        QCoreApplication.translate("CohortModel", "Readiness"),
        QCoreApplication.translate("CohortModel", "Change"),
        QCoreApplication.translate("CohortModel", "Hours\n(last 14 days)"),
        QCoreApplication.translate("CohortModel", "Days since\nlast activity"),
        QCoreApplication.translate("CohortModel", "Milestones"),
        QCoreApplication.translate("CohortModel", "Last activity"),
        QCoreApplication.translate("CohortModel", "Exported"),
        QCoreApplication.translate("CohortModel", "File"),
    ]


def _header_tips() -> list[str]:
    """What each column means, in COLUMNS order."""
    return [
        QCoreApplication.translate(
            "CohortModel",
            "The learner's name from their export (the file's name if they gave none)",
        ),
        QCoreApplication.translate(
            "CohortModel",
            "Behind their study plan, or no recorded activity for 14 days or more: the reason "
            "in words",
        ),
        QCoreApplication.translate("CohortModel", "How much of the path is done, in percent"),
        QCoreApplication.translate(
            "CohortModel",
            "Where the learner stands against their own study plan on the day of the export",
        ),
        QCoreApplication.translate("CohortModel", "The role the learner aims for first"),
        QCoreApplication.translate("CohortModel", "Readiness for the primary role, 0 to 100"),
        QCoreApplication.translate(
            "CohortModel",
            "Readiness points since the learner's previous export you opened with this one, or "
            "else since the report they last marked as sent",
        ),
        QCoreApplication.translate("CohortModel", "Hours studied in the 14 days before the export"),
        QCoreApplication.translate(
            "CohortModel", "Days from the learner's last recorded activity to today"
        ),
        QCoreApplication.translate(
            "CohortModel",
            "Project milestones finished, and of those how many a mentor verified and how many "
            "are self-reported",
        ),
        QCoreApplication.translate(
            "CohortModel",
            "The last status, note, study session, evidence link or reading in the export",
        ),
        QCoreApplication.translate("CohortModel", "The day the learner made the export"),
        QCoreApplication.translate(
            "CohortModel", "The export file the row is read from (the newest one of this learner's)"
        ),
    ]


def pace_text(row: CohortRow) -> str:
    """The row's pace in words: Ahead, On track, Behind by 12 h, Not started, No plan, or a
    dash for an older export that cannot say."""
    if row.pace == BEHIND:
        return QCoreApplication.translate("CohortModel", "Behind by {hours} h").format(
            hours=hours_text(row.behind_hours)
        )
    words = {
        AHEAD: QCoreApplication.translate("CohortModel", "Ahead"),
        ON_TRACK: QCoreApplication.translate("CohortModel", "On track"),
        NOT_STARTED: QCoreApplication.translate("CohortModel", "Not started"),
        NO_PLAN: QCoreApplication.translate("CohortModel", "No plan"),
    }
    return words.get(row.pace, MISSING)


def attention_text(row: CohortRow) -> str:
    """Why the learner needs attention ("Behind by 12 h · Quiet for 21 days"); "" if not."""
    reasons = []
    if row.behind:
        reasons.append(
            QCoreApplication.translate("CohortModel", "Behind by {hours} h").format(
                hours=hours_text(row.behind_hours)
            )
        )
    if row.quiet:
        reasons.append(
            QCoreApplication.translate("CohortModel", "Quiet for {days} days").format(
                days=row.days_quiet
            )
        )
    return " · ".join(reasons)


def attention_summary(rows: Sequence[CohortRow]) -> str:
    """ "2 of 5 learners need attention", or that none does."""
    flagged = sum(1 for row in rows if row.needs_attention)
    if not flagged:
        return QCoreApplication.translate("CohortModel", "No learner needs attention")
    if flagged == 1:
        return QCoreApplication.translate(
            "CohortModel", "1 of {total} learners needs attention"
        ).format(total=len(rows))
    return QCoreApplication.translate(
        "CohortModel", "{flagged} of {total} learners need attention"
    ).format(flagged=flagged, total=len(rows))


def attention_tint(palette: QPalette) -> QColor:
    """A flagged row's background: the view's base colour with a little of the theme's warning
    colour in it, so the palette's text stays readable on it in light and dark themes."""
    base = palette.color(QPalette.ColorRole.Base)
    theme = "dark" if base.lightness() < 128 else "light"
    warning = QColor(COLOURS[theme]["doing"])
    mixed = [
        round(own * (1 - TINT_STRENGTH) + other * TINT_STRENGTH)
        for own, other in (
            (base.red(), warning.red()),
            (base.green(), warning.green()),
            (base.blue(), warning.blue()),
        )
    ]
    return QColor(*mixed)


def _plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written: a tooltip reads markup, so text from an export
    (a file name with "<b>" in it, say) is escaped inside a paragraph."""
    return f"<p>{escape(text)}</p>"


class CohortModel(ReadOnlyTableModel):
    """One read-only row per learner; numbers right-aligned and sorted by value (SORT_ROLE)."""

    columns = COLUMNS

    def __init__(self, rows: Sequence[CohortRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self._headers = _headers()
        self._tips = _header_tips()

    def row_count(self) -> int:
        return len(self.rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._headers[section].replace("\n", " ")
        return None  # titles stay left-aligned: a right-aligned one runs into the sort arrow

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return row.sort_keys()[column]
        if role == PATH_ROLE:
            return str(row.path)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return NUMBER_ALIGNMENT if column in NUMBER_COLUMNS else TEXT_ALIGNMENT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == ATTENTION:
            return icon(WARNING_ICON) if row.needs_attention else None
        if role == Qt.ItemDataRole.BackgroundRole and row.needs_attention:
            return QBrush(attention_tint(QGuiApplication.palette()))
        return None

    def text(self, row: CohortRow, column: int) -> str:
        """What a cell shows."""
        if column == LEARNER:
            return row.learner
        if column == ATTENTION:
            return attention_text(row)
        if column == PACE:
            return pace_text(row)
        if column == ROLE:
            return row.role or MISSING
        if column == OVERALL:
            return number_text(row.overall)
        if column == READINESS:
            return number_text(row.readiness)
        if column == HOURS:
            return number_text(row.study_hours)
        if column == CHANGE:
            return MISSING if row.change is None else f"{row.change:+.1f}"
        if column == DAYS:
            return MISSING if row.days_quiet is None else str(row.days_quiet)
        if column == MILESTONES:
            m = row.milestones
            if m is None:
                return MISSING
            return QCoreApplication.translate(
                "CohortModel", "{done} ({verified} verified, {self_reported} self)"
            ).format(done=m.done, verified=m.verified, self_reported=m.self_reported)
        if column == LAST_ACTIVITY:
            return day(row.last_activity.date()) if row.last_activity else MISSING
        if column == EXPORTED:
            return day(row.exported.date())
        return row.path.name

    def _tip(self, row: CohortRow, column: int) -> str | None:
        if column == LEARNER:
            return _plain_tip(row.learner)
        if column == ROLE and row.role:
            return _plain_tip(row.role)
        if column == ATTENTION and row.needs_attention:
            return attention_text(row)
        if column == PACE and not row.pace:
            return QCoreApplication.translate(
                "CohortModel", "This export is from an older Cairn that does not say the pace"
            )
        if column == CHANGE and row.compared_with is not None:
            compared = row.compared_with
            when = day(compared.at.date()) if compared.at else MISSING
            if compared.kind == "export":
                return _plain_tip(
                    QCoreApplication.translate(
                        "CohortModel", "Since {file}, exported {when}"
                    ).format(file=compared.file, when=when)
                )
            return QCoreApplication.translate(
                "CohortModel", "Since the report the learner marked as sent on {when}"
            ).format(when=when)
        if column == MILESTONES and row.milestones is not None:
            return self._milestones_words(row.milestones)
        if column == FILE:
            return _plain_tip(str(row.path))
        return None

    @staticmethod
    def _milestones_words(m: Milestones) -> str:
        """The milestone counts in full words (the cell abbreviates them)."""
        return QCoreApplication.translate(
            "CohortModel",
            "{done} finished: {verified} verified by a mentor, {self_reported} self-reported",
        ).format(done=m.done, verified=m.verified, self_reported=m.self_reported)

    def _accessible(self, row: CohortRow, column: int) -> str:
        """What a screen reader says: the cell, and on the learner's cell whether they need
        attention."""
        text = self.text(row, column)
        if column == LEARNER and row.needs_attention:
            return QCoreApplication.translate(
                "CohortModel", "{learner}, needs attention: {reasons}"
            ).format(learner=row.learner, reasons=attention_text(row))
        if column == ATTENTION and not row.needs_attention:
            return QCoreApplication.translate("CohortModel", "No attention needed")
        if column == MILESTONES and row.milestones is not None:
            return self._milestones_words(row.milestones)
        return text


class CohortWindow(QWidget):
    """A table of learners; Enter or double-click opens one learner's summary read-only."""

    open_requested = Signal(str)

    def __init__(self, rows: Sequence[CohortRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(
            self.tr("Cohort: {learners} (read-only)").format(learners=self._count())
        )
        self.model = CohortModel(self.rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Learners"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OVERALL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(TEXT_ALIGNMENT)
        self._cap_text_columns()
        self.table.activated.connect(lambda index: self.open_requested.emit(index.data(PATH_ROLE)))
        title = QLabel(self._count())
        title.setObjectName("PageTitle")
        self.attention_icon = QLabel()
        self.attention_icon.setPixmap(icon(WARNING_ICON).pixmap(QSize(18, 18)))
        self.attention_icon.setAccessibleName(self.tr("Warning"))
        self.attention_icon.setVisible(any(row.needs_attention for row in self.rows))
        self.attention = QLabel(attention_summary(self.rows))
        self.attention.setObjectName("SectionLabel")
        self.attention.setAccessibleName(self.attention.text())
        flagged = QHBoxLayout()
        flagged.addWidget(self.attention_icon)
        flagged.addWidget(self.attention, 1)
        note = QLabel(
            self.tr(
                "Read from their exported summaries; nothing here changes your own data. A "
                "learner behind their plan or quiet for 14 days or more is tinted and marked. "
                "Sort by any column; Enter or double-click opens a learner's summary."
            )
        )
        note.setObjectName("PageSummary")
        note.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Export as CSV…"))
        self.csv_button.clicked.connect(self._export_csv)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(flagged)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(self._fitting_width(layout), 460)

    def _wanted_width(self, column: int) -> int:
        """The width a column needs for its title and cells; a learner's name or role at most
        TEXT_COLUMN_MAX (a longer one is cut with "…", and can be widened by hand)."""
        header = self.table.horizontalHeader()
        wanted = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
        return min(wanted, TEXT_COLUMN_MAX) if column in (LEARNER, ROLE) else wanted

    def _cap_text_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in (LEARNER, ROLE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self._wanted_width(column))

    def _fitting_width(self, layout: QVBoxLayout) -> int:
        """Wide enough to show every column, as far as the screen allows."""
        margins = layout.contentsMargins()
        columns = sum(self._wanted_width(column) for column in range(len(COLUMNS)))
        wanted = columns + 2 * self.table.frameWidth() + margins.left() + margins.right()
        screen = self.screen().availableGeometry().width() if self.screen() else wanted
        return max(640, min(wanted + 8, screen))

    def sorted_rows(self) -> list[CohortRow]:
        """Rows in the order shown."""
        return [
            self.rows[self.proxy.mapToSource(self.proxy.index(i, 0)).row()]
            for i in range(self.proxy.rowCount())
        ]

    def _count(self) -> str:
        """ "1 learner", "3 learners"."""
        if len(self.rows) == 1:
            return self.tr("1 learner")
        return self.tr("{count} learners").format(count=len(self.rows))

    def _export_csv(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export cohort as CSV"),
            str(Path.home() / f"cairn-cohort-{datetime.now():%Y-%m-%d}.csv"),
            "CSV (*.csv)",
        )
        if target:
            write_csv(self.sorted_rows(), Path(target))
