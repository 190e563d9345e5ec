"""The three pages of the welcome: what the window shows, which roles to aim at, and when
and how much to study (with the finish it implies)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...plan import PlanSettings
from ...tracker import Tracker
from ..study.widgets import DateField, finish_preview, hours_field, path_sentence
from .profile import learner_name_field

DEFAULT_HOURS = 10.0


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("PageTitle")
    label.setWordWrap(True)
    return label


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PanesPage(QWidget):
    """Page 1: the three panes in a few sentences, and the learner's name (optional)."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name: QLineEdit = learner_name_field(tracker)
        self.name.setAccessibleDescription(
            self.tr("Optional: your summaries carry it, so your mentor knows they are yours")
        )
        name_label = QLabel(self.tr("Your &name (shown to your mentor)"))
        name_label.setBuddy(self.name)
        form = QFormLayout()
        form.addRow(name_label, self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("Welcome to Cairn")))
        layout.addWidget(
            _text(
                self.tr(
                    "Cairn takes you through a six-month path into AI engineering, one week "
                    "at a time. On the left you choose where to look: Today, a month or week, "
                    "your projects and your readiness for a role. In the middle is the list "
                    "for that place; on the right, the item you selected, with what to read, "
                    "the study timer and your notes."
                )
            )
        )
        layout.addWidget(
            _text(self.tr("Two short questions follow; you can skip them and answer later."))
        )
        layout.addLayout(form)
        layout.addStretch(1)


class RolesPage(QWidget):
    """Page 2: the role to aim at first (primary), and any others."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        roles = tracker.curriculum.roles
        self.primary = QComboBox()
        self.primary.setAccessibleName(self.tr("Primary target role"))
        self.primary.setAccessibleDescription(
            self.tr("The role Today's next steps and the readiness page aim at first")
        )
        self.primary.addItem(self.tr("Choose later"), "")
        for role in roles.values():
            self.primary.addItem(role.name, role.id)
        chosen = tracker.primary_role()
        self.primary.setCurrentIndex(max(0, self.primary.findData(chosen)))
        self.others = QListWidget()
        self.others.setAccessibleName(self.tr("Other target roles"))
        self.others.setAccessibleDescription(
            self.tr("Optional: tick with Space any other role you may aim at")
        )
        targets = set(tracker.target_roles())
        for role in roles.values():
            entry = QListWidgetItem(role.name)
            entry.setData(Qt.ItemDataRole.UserRole, role.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = role.id in targets and role.id != chosen
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.others.addItem(entry)
        if self.others.count():
            self.others.setCurrentRow(0)
        self.others.setMaximumHeight(180)
        form = QFormLayout()
        primary_label = QLabel(self.tr("&Aim first at"))
        primary_label.setBuddy(self.primary)
        others_label = QLabel(self.tr("&Also interested in (optional)"))
        others_label.setBuddy(self.others)
        form.addRow(primary_label, self.primary)
        form.addRow(others_label, self.others)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("Which role are you working towards?")))
        layout.addWidget(
            _text(
                self.tr(
                    "Today suggests next steps for your first role; others are shown on the "
                    "readiness page."
                )
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)

    def chosen(self) -> tuple[str, list[str]]:
        """The primary role ("" if none) and the other roles ticked."""
        primary = str(self.primary.currentData() or "")
        others = []
        for row in range(self.others.count()):
            entry = self.others.item(row)
            role = str(entry.data(Qt.ItemDataRole.UserRole))
            if entry.checkState() == Qt.CheckState.Checked and role != primary:
                others.append(role)
        if not primary and others:
            primary, others = others[0], others[1:]
        return primary, others


class PlanPage(QWidget):
    """Page 3: start date and hours a week, with the finish date they imply."""

    def __init__(self, tracker: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        current = tracker.plan_settings() or PlanSettings(date.today(), DEFAULT_HOURS)
        self.start = DateField(current.start)
        self.start.setAccessibleName(self.tr("Start date"))
        self.start.setAccessibleDescription(self.tr("The Monday you start the path, or today"))
        self.hours = hours_field(current.hours_per_week)
        self.finish = QLabel("")
        self.finish.setWordWrap(True)
        self.finish.setAccessibleName(self.tr("Finish date preview"))
        self.start.dateChanged.connect(self.update_preview)
        self.hours.valueChanged.connect(self.update_preview)
        form = QFormLayout()
        start_label = QLabel(self.tr("&Start"))
        start_label.setBuddy(self.start)
        hours_label = QLabel(self.tr("&Hours per week"))
        hours_label.setBuddy(self.hours)
        form.addRow(start_label, self.start)
        form.addRow(hours_label, self.hours)
        form.addRow("", self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("When do you start, and how much time do you have?")))
        layout.addWidget(_text(path_sentence(tracker)))
        layout.addLayout(form)
        layout.addStretch(1)
        self.update_preview()

    def settings(self) -> PlanSettings:
        return PlanSettings(self.start.value(), self.hours.value())

    def update_preview(self) -> None:
        """Show the finish date the plan implies."""
        self.finish.setText(finish_preview(self.tracker, self.settings()))
